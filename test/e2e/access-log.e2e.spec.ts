import { connect } from 'node:net';
import { connectLive } from '../../packages/client/src/follower.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { type AccessLine, LogLines } from '../support/log-lines.js';
import { givenLiveBlog } from '../support/live-blogs.js';

/**
 * nestjs-pino keeps one logger per process (the first app's), so one app serves every case here.
 *
 * Proves the access log has one line for every request, whatever answers it (a route, the static
 * assets, a 404 with no route, a guard's 401 or 403, an error, the metrics, a socket handshake),
 * naming the route pattern, status, duration, request id and author, and never a credential.
 */
describe('access log', () => {
  let t: TestApp;
  const logs = new LogLines();
  let editorToken: string;
  const seen: AccessLine[] = [];

  beforeAll(async () => {
    t = await startApp({ logs, env: { REQUEST_TIMEOUT_MS: '1500' } });
    editorToken = t.token('editor', 'Ann Editor');
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    const statuses = seen.map((line) => line.res.statusCode).join(', ');
    console.log(`access log: ${seen.length} requests checked, each with its line (statuses ${statuses})`);
  });

  /** The line of the response's request, found by the X-Request-Id the response carries. */
  async function lineOf(response: { headers: Record<string, string> }): Promise<AccessLine> {
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$|^[\w.:-]+$/);
    const line = await logs.requestLine(id!);
    seen.push(line);
    return line;
  }

  it.each([
    ['GET', '/api/live-blogs', 200, '/api/live-blogs'],
    ['GET', '/api/live-blogs/no-such-story', 404, '/api/live-blogs/:id'],
    ['GET', '/no/such/page', 404, null],
    ['GET', '/assets/css/site.css', 200, '/assets/*'],
    ['GET', '/metrics', 200, '/metrics'],
    ['GET', '/health', 200, '/health'],
    ['GET', '/', 200, '/'],
    ['GET', '/api/live-blogs/some-story/events', 401, '/api/live-blogs/:id/events'],
  ])('logs %s %s: status %i, route %s', async (method, url, status, route) => {
    const response = await t.http.get(url).expect(status);
    const line = await lineOf(response);
    expect(line).toMatchObject({ req: { method, url }, res: { statusCode: status }, route });
    expect(line.responseTime).toEqual(expect.any(Number));
    expect(line.author).toBeUndefined();
    expect(line.level).toBe(status >= 400 ? 40 : 30);
  });

  /** Sends `text` on a fresh connection and reads the answer's head until the server closes it. */
  function rawAnswer(text: string, thenWaitMs = 0): Promise<{ status: number; headers: Record<string, string> }> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        const [head = ''] = answer.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]);
        if (!status) return reject(new Error(`no answer to ${JSON.stringify(text.slice(0, 40))}`));
        const headers = Object.fromEntries(
          lines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        resolve({ status, headers });
      });
      socket.write(text);
      if (thenWaitMs === 0) socket.end();
    });
  }

  it.each([
    [
      'a path that is not valid percent-encoding',
      'GET /api/live-blogs/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\n\r\n',
      400,
    ],
    [
      'a path parameter over its length',
      `GET /api/live-blogs/${'a'.repeat(300)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      414,
    ],
    [
      'a body not sent within REQUEST_TIMEOUT_MS',
      'POST /api/live-blogs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      408,
    ],
    ['headers not sent within the headers timeout', 'GET / HTTP/1.1\r\nX-Slow: ', 408],
    ['a request that is not HTTP', 'HELLO\r\n\r\n', 400],
  ])('answers %s with the security headers, a request id and problem+json, and logs it', async (_, text, status) => {
    const answer = await rawAnswer(text, status === 408 ? 1 : 0);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    const line = await lineOf(answer);
    expect(line.res.statusCode).toBe(status);
    expect(line.level).toBe(40);
    expect(
      logs.lines.filter((entry) => (entry.req as { id?: string } | undefined)?.id === line.req.id && 'res' in entry),
    ).toHaveLength(1);
  });

  it('names the author of an authenticated request, and never the token', async () => {
    const response = await t.http
      .post('/api/live-blogs')
      .set(bearer(editorToken))
      .send({ id: 'logged-story', title: 'Logged' })
      .expect(201);
    const line = await lineOf(response);
    expect(line).toMatchObject({
      req: { method: 'POST', url: '/api/live-blogs' },
      res: { statusCode: 201 },
      route: '/api/live-blogs',
      author: { id: 'ann-editor', name: 'Ann Editor', role: 'editor' },
    });
    expect(logs.text).not.toContain(editorToken);
  });

  it('logs a 403 with the author the guard refused', async () => {
    const response = await t.http.get('/api/live-blogs/logged-story/events').set(bearer(editorToken)).expect(403);
    const line = await lineOf(response);
    expect(line).toMatchObject({ res: { statusCode: 403 }, route: '/api/live-blogs/:id/events' });
    expect(line.author).toMatchObject({ name: 'Ann Editor', role: 'editor' });
  });

  it('keeps a valid incoming X-Request-Id and replaces one that is not an id', async () => {
    const kept = await t.http.get('/api/live-blogs').set('X-Request-Id', 'trace-4f2a.77:1').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-4f2a.77:1');
    expect((await lineOf(kept)).req.url).toBe('/api/live-blogs');
    const replaced = await t.http.get('/api/live-blogs').set('X-Request-Id', 'x'.repeat(300)).expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await lineOf(replaced);
  });

  it('logs a socket handshake with its route and request id', async () => {
    const socket = connectLive(t.url, { transports: ['websocket'], extraHeaders: { 'X-Request-Id': 'reader-77' } });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const line = await logs.requestLine('reader-77');
      seen.push(line);
      expect(line).toMatchObject({ route: '/socket.io/', res: { statusCode: 101 }, req: { method: 'GET' } });
    } finally {
      socket.disconnect();
    }
  });

  it('never writes a credential: no bearer token, session cookie or CSRF token in any line', async () => {
    const cookie = 'dateline_session=secret-session-value-123';
    const response = await t.http
      .get('/api/live-blogs')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'csrf-secret-456')
      .set(bearer(`${editorToken}x`))
      .expect(200);
    await lineOf(response);
    expect(logs.text).not.toContain('secret-session-value-123');
    expect(logs.text).not.toContain('csrf-secret-456');
    expect(logs.text).not.toContain(editorToken);
    expect(logs.text).toContain('[Redacted]');
  });

  // Last: it closes the store under the running app.
  it('logs an error with its request id and URL, and the request gets an access line with status 500', async () => {
    await givenLiveBlog(t, { id: 'doomed', title: 'Doomed' }, { headers: bearer(editorToken) });
    // A store that has gone away under a running node: reads fail inside the handler.
    await t.store.close();
    const response = await t.http
      .get('/api/live-blogs/doomed/events')
      .set(bearer(t.token('auditor')))
      .expect(500);
    const id = response.headers['x-request-id']!;
    const line = await lineOf(response);
    expect(line).toMatchObject({ res: { statusCode: 500 }, route: '/api/live-blogs/:id/events', level: 50 });
    const error = logs.lines.find((entry) => entry.msg === 'unhandled error') as unknown as AccessLine | undefined;
    expect(error?.req).toMatchObject({ id, url: '/api/live-blogs/doomed/events' });
  });
});
