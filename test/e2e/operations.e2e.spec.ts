import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { startApp, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

describe('operations', () => {
  const t = startedApp();

  it('reports health with the store checked', async () => {
    const { body } = await t.http.get('/health').expect(200);
    expect(body.status).toBe('ok');
    expect(body.info.eventStore).toMatchObject({ status: 'up', epoch: t.store.epoch });
  });

  it('exposes Prometheus metrics for appends and the projection', async () => {
    await givenLiveBlog(t, { id: 'metrics-story', title: 'Metrics' });
    const { text, headers } = await t.http.get('/metrics').expect(200);
    expect(headers['content-type']).toMatch(/^text\/plain/);
    expect(text).toMatch(/dateline_events_appended_total\{type="LiveBlogOpened"\} 1/);
    expect(text).toMatch(/dateline_append_duration_seconds_count 1/);
    expect(text).toMatch(/dateline_projection_lag_seconds_count [1-9]/);
  });

  it('serves the OpenAPI document with the editor routes', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/live-blogs/{id}/updates', '/api/live-blogs/{id}/casualty-figures']),
    );
  });
});

describe('settings', () => {
  it('defaults to the embedded store under DATA_DIR on port 3000', () => {
    const config = loadConfig({ DATA_DIR: '/srv/dateline' });
    expect(config).toMatchObject({
      port: 3000,
      seed: true,
      eventStore: { kind: 'sqlite', path: '/srv/dateline/events.db' },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ EVENT_STORE: 'mysql://localhost' }, /EVENT_STORE/],
    [{ EVENT_STORE: 'sqlite:' }, /EVENT_STORE/],
    [{ SEED: 'maybe' }, /SEED/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ AUTH_SECRET: 'short' }, /AUTH_SECRET/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ LIVE_REQUESTS_PER_ADDRESS: '-5' }, /LIVE_REQUESTS_PER_ADDRESS/],
  ])('refuses %j with a one-line reason', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});

describe('projections follow the store, not this process', () => {
  it('shows in one app what another app appended to the same SQLite file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dateline-shared-'));
    const storePath = join(folder, 'events.db');
    const writer = await startApp({ storePath });
    const reader = await startApp({ storePath });
    try {
      await givenLiveBlog(writer, { id: 'shared-story', title: 'Shared' });
      let status = 404;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await reader.http.get('/api/live-blogs/shared-story')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(200);
    } finally {
      await writer.close();
      await reader.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
