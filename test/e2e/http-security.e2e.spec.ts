import { ConfigError, loadConfig } from '../../src/config/config.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'headers-story';

/** What every response must carry, whoever answers it (a route, an error, a page, the socket's engine). */
function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect({ what, csp: headers['content-security-policy'] }).toEqual({
    what,
    csp: expect.stringContaining("frame-ancestors 'none'"),
  });
  expect({ what, nosniff: headers['x-content-type-options'] }).toEqual({ what, nosniff: 'nosniff' });
  expect({ what, frame: headers['x-frame-options'] }).toEqual({ what, frame: 'DENY' });
  expect({ what, referrer: headers['referrer-policy'] }).toEqual({ what, referrer: 'no-referrer' });
}

describe('security headers on every response', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
    await givenLiveBlog(t, { id: BLOG, title: 'Headers' });
  });
  afterAll(() => t.close());

  it('on API JSON, API errors, pages, assets and the socket engine, and no HSTS over plain http', async () => {
    const responses = [
      ['GET /api/live-blogs/:id 200', await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)],
      ['GET /api/live-blogs/:id 404', await t.http.get('/api/live-blogs/no-such-story').expect(404)],
      ['POST /api/live-blogs 401', await t.http.post('/api/live-blogs').send({}).expect(401)],
      [
        'POST /api/live-blogs 400',
        await t.http
          .post('/api/live-blogs')
          .set(bearer(t.token('editor')))
          .send({ id: 1 })
          .expect(400),
      ],
      [
        'GET /api/live-blogs/:id/events 403',
        await t.http
          .get(`/api/live-blogs/${BLOG}/events`)
          .set(bearer(t.token('editor')))
          .expect(403),
      ],
      ['GET / 200', await t.http.get('/').expect(200)],
      ['GET /no/such/page 404', await t.http.get('/no/such/page').expect(404)],
      ['GET /assets/css/site.css 200', await t.http.get('/assets/css/site.css').expect(200)],
      ['GET /socket.io/ handshake', await t.http.get('/socket.io/?EIO=4&transport=polling').expect(200)],
      ['GET /socket.io/ bad request', await t.http.get('/socket.io/?EIO=4&transport=carrier-pigeon').expect(400)],
    ] as const;
    for (const [what, response] of responses) {
      if (what !== 'GET /socket.io/ bad request') expectSecurityHeaders(response.headers, what);
      expect({ what, hsts: response.headers['strict-transport-security'] }).toEqual({ what, hsts: undefined });
    }
    console.log(`security headers: ${responses.length} responses checked, none with HSTS over plain http`);
  });

  it('marks what an auditor or editor is served private, no-store, and leaves public reads cacheable', async () => {
    const auditor = bearer(t.token('auditor'));
    for (const path of ['events', 'as-of?revision=0', 'diff?from=0&to=0', 'integrity', 'casualty-figures/history']) {
      const response = await t.http.get(`/api/live-blogs/${BLOG}/${path}`).set(auditor).expect(200);
      expect({ path, cache: response.headers['cache-control'] }).toEqual({ path, cache: 'private, no-store' });
    }
    const refused = await t.http
      .get(`/api/live-blogs/${BLOG}/events`)
      .set(bearer(t.token('editor')))
      .expect(403);
    expect(refused.headers['cache-control']).toBe('private, no-store');
    const html = await t.http.get(`/audit/${BLOG}/as-of?revision=0`).set(auditor).expect(200);
    expect(html.headers['cache-control']).toBe('private, no-store');
    const reader = await t.http.get(`/api/live-blogs/${BLOG}`).expect(200);
    expect(reader.headers['cache-control']).not.toMatch(/private|no-store/);
  });
});

describe('HSTS only when served over https', () => {
  it('behind a trusted proxy that says https, not when an untrusted client says so', async () => {
    const direct = await startApp();
    const proxied = await startApp({ env: { TRUST_PROXY: '1' } });
    try {
      const claimed = await direct.http.get('/api/live-blogs').set('X-Forwarded-Proto', 'https').expect(200);
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
      const https = await proxied.http.get('/api/live-blogs').set('X-Forwarded-Proto', 'https').expect(200);
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const error = await proxied.http.get('/nope').set('X-Forwarded-Proto', 'https').expect(404);
      expect(error.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await proxied.http.get('/api/live-blogs').set('X-Forwarded-Proto', 'http').expect(200);
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await direct.close();
      await proxied.close();
    }
  });

  it('on every response when PUBLIC_URL is https', async () => {
    const t = await startApp({ env: { PUBLIC_URL: 'https://news.example.org' } });
    try {
      for (const path of ['/api/live-blogs', '/', '/nope', '/socket.io/?EIO=4&transport=polling']) {
        const response = await t.http.get(path);
        expect({ path, hsts: response.headers['strict-transport-security'] }).toEqual({
          path,
          hsts: 'max-age=31536000; includeSubDomains',
        });
      }
    } finally {
      await t.close();
    }
  });
});

describe('/metrics access', () => {
  const token = 'metrics-token-0123456789abcdef-0123456789';

  it('is served to loopback by default', async () => {
    const t = await startApp();
    try {
      await t.http.get('/metrics').expect(200);
    } finally {
      await t.close();
    }
  });

  it('refuses an address outside METRICS_ALLOW with 403, and serves one inside it or with METRICS_TOKEN', async () => {
    const t = await startApp({
      env: { METRICS_ALLOW: '10.0.0.0/8,192.0.2.7', METRICS_TOKEN: token, TRUST_PROXY: '1' },
    });
    try {
      const refused = await t.http.get('/metrics').expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('METRICS_ALLOW') });
      expect(refused.text).not.toContain('dateline_');
      await t.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
      await t.http
        .get('/metrics')
        .set(bearer(`${token}x`))
        .expect(403);
      await t.http.get('/metrics').set('X-Forwarded-For', '10.1.2.3').expect(200);
      await t.http.get('/metrics').set('X-Forwarded-For', '192.0.2.7').expect(200);
      const withToken = await t.http.get('/metrics').set(bearer(token)).expect(200);
      expect(withToken.text).toContain('dateline_');
    } finally {
      await t.close();
    }
  });

  it('is refused to every address with METRICS_ALLOW=none and no token', async () => {
    const t = await startApp({ env: { METRICS_ALLOW: 'none' } });
    try {
      await t.http.get('/metrics').expect(403);
    } finally {
      await t.close();
    }
  });

  it.each([
    [{ METRICS_ALLOW: 'localhost' }, /METRICS_ALLOW/],
    [{ METRICS_ALLOW: '10.0.0.0/33' }, /METRICS_ALLOW/],
    [{ METRICS_ALLOW: '127.0.0.1,' }, /METRICS_ALLOW/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN/],
    [{ PUBLIC_URL: 'ftp://news.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'news.example.org' }, /PUBLIC_URL/],
  ])('refuses the setting %j with a one-line reason', (env, reason) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(reason);
  });
});
