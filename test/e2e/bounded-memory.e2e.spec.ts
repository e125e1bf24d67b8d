import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner } from '../../src/live-blog/projections/projection-runner.js';
import { Metrics } from '../../src/shared/metrics.js';
import { bearer, startApp, startedApp, type TestApp } from '../support/app.js';
import { connectReader, revisionsOf } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const IN_MEMORY = { LIVE_BLOGS_IN_MEMORY: '2' };
const STORIES = ['osh', 'jalal-abad', 'bishkek', 'naryn', 'talas'];

async function metric(t: TestApp, name: string): Promise<number> {
  const found = await t.app.get(Metrics).registry.getSingleMetric(name)?.get();
  if (!found) throw new Error(`no metric ${name}`);
  return found.values.reduce((sum, { value }) => sum + value, 0);
}

/** Given five stories, each opened with as many updates as its place in the list. */
async function givenFiveStories(t: TestApp): Promise<Map<string, number>> {
  const revisions = new Map<string, number>();
  for (const [index, id] of STORIES.entries()) {
    const updates = Array.from({ length: index + 1 }, (_, n) => ({ kind: 'report', body: `${id}: report ${n}.` }));
    revisions.set(id, (await givenLiveBlog(t, { id, title: `Unrest in ${id}` }, { updates })).revision);
  }
  return revisions;
}

/** Reads the other stories until `id` has left this node's memory. */
async function evict(t: TestApp, id: string): Promise<void> {
  for (const other of STORIES.filter((story) => story !== id)) await t.http.get(`/api/live-blogs/${other}`).expect(200);
  expect(t.app.get(ProjectionRunner).state(id)).toBeUndefined();
}

describe('with two stories of five in memory (LIVE_BLOGS_IN_MEMORY=2)', () => {
  const t = startedApp({ env: IN_MEMORY });
  let revisions: Map<string, number>;
  beforeAll(async () => {
    revisions = await givenFiveStories(t);
  });
  afterEach(async () => {
    expect(await metric(t, 'dateline_live_blogs_held')).toBeLessThanOrEqual(2);
  });

  it('serves every story’s list item, article and page, loading the ones not in memory on demand', async () => {
    const loadsBefore = await metric(t, 'dateline_live_blog_loads_total');
    const list = (await t.http.get('/api/live-blogs').expect(200)).body as { id: string; revision: number }[];
    expect(new Map(list.map((item) => [item.id, item.revision]))).toEqual(revisions);
    for (const [index, id] of STORIES.entries()) {
      const article = (await t.http.get(`/api/live-blogs/${id}`).expect(200)).body;
      expect(article).toMatchObject({ id, title: `Unrest in ${id}`, revision: revisions.get(id) });
      expect(article.updates.map((update: { body: string }) => update.body)).toHaveLength(index + 1);
      expect(article.updates[0].body).toBe(`${id}: report ${index}.`);
      expect((await t.http.get(`/live/${id}`).expect(200)).text).toContain(`Unrest in ${id}`);
      expect(await metric(t, 'dateline_live_blogs_held')).toBeLessThanOrEqual(2);
    }
    expect(await metric(t, 'dateline_live_blog_loads_total')).toBeGreaterThanOrEqual(loadsBefore + 3);
  });

  it('pushes the updates of a story not in memory to its subscriber, in order', async () => {
    const [id] = STORIES as [string];
    const reader = await connectReader(t.url);
    try {
      expect(await reader.subscribe(id)).toMatchObject({ ok: true });
      await evict(t, id);
      const loadsBefore = await metric(t, 'dateline_live_blog_loads_total');
      const revision = revisions.get(id)!;
      // when
      for (const body of ['First after eviction.', 'Second after eviction.']) {
        await t.http
          .post(`/api/live-blogs/${id}/updates`)
          .set(bearer(t.token('editor')))
          .send({ kind: 'report', body });
      }
      await reader.waitForRevision(revision + 2);
      // then
      expect(revisionsOf(reader.events)).toEqual([revision + 1, revision + 2]);
      expect(await metric(t, 'dateline_live_blog_loads_total')).toBeGreaterThan(loadsBefore);
      revisions.set(id, revision + 2);
    } finally {
      reader.close();
    }
  });

  it('writes to a story not in memory at the next revision, and answers a stale If-Match 412', async () => {
    const id = STORIES[1]!;
    await evict(t, id);
    const editor = bearer(t.token('editor'));
    const revision = revisions.get(id)!;
    const post = () =>
      t.http
        .post(`/api/live-blogs/${id}/updates`)
        .set(editor)
        .set('If-Match', `"${revision}"`)
        .send({ kind: 'report', body: 'Curfew.' });
    // when
    const written = await post().expect(201);
    const stale = await post().expect(412);
    // then
    expect(written.body.revision).toBe(revision + 1);
    expect(stale.body.details).toEqual({ currentRevision: revision + 1 });
    expect((await t.http.get(`/api/live-blogs/${id}`).expect(200)).body.revision).toBe(revision + 1);
  });
});

describe('a restart with two stories of five in memory', () => {
  let dir: string;
  const apps: TestApp[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-bounded-'));
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every story from the summaries, loading none, and loads a story when it is read', async () => {
    const start = async () => {
      const app = await startApp({ storePath: join(dir, 'events.db'), env: { ...IN_MEMORY, SNAPSHOT_EVERY: '3' } });
      apps.push(app);
      return app;
    };
    const first = await start();
    const revisions = await givenFiveStories(first);
    const expected = (await first.http.get('/api/live-blogs').expect(200)).body;
    await first.close();
    apps.splice(0);
    // when
    const restarted = await start();
    // then
    expect(await metric(restarted, 'dateline_live_blogs_held')).toBe(0);
    expect((await restarted.http.get('/api/live-blogs').expect(200)).body).toEqual(expected);
    expect(await metric(restarted, 'dateline_live_blog_loads_total')).toBe(0);
    const last = STORIES.at(-1)!;
    const article = (await restarted.http.get(`/api/live-blogs/${last}`).expect(200)).body;
    expect(article.revision).toBe(revisions.get(last));
    expect(await metric(restarted, 'dateline_live_blog_loads_total')).toBe(1);
    expect(await metric(restarted, 'dateline_live_blogs_held')).toBe(1);
  });
});
