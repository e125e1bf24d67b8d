import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { SessionAuthenticator } from '../../src/auth/session-authenticator.js';
import { startApp, type TestApp, startedApp } from '../support/app.js';
import { addAccount, signIn } from '../support/accounts.js';
import { waitFor } from '../support/live.js';

const MINUTE = 60_000;
/** Only the clock moves: sockets, timers and the event loop run for real. */
const ONLY_DATE: Parameters<typeof jest.useFakeTimers>[0] = {
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
};

describe('a session token’s life', () => {
  const t = startedApp();
  beforeAll(async () => {
    await addAccount(t);
  });
  afterEach(() => jest.useRealTimers());

  it('is renewed on a request after 5 minutes, and refused 15 minutes after the last renewal', async () => {
    const session = await signIn(t);
    const sessionCookie = (response: { headers: Record<string, unknown> }) =>
      /dateline_session=([^;]+)/.exec(String(response.headers['set-cookie'] ?? ''))?.[1];
    const fresh = await t.http.get('/signin').set('Cookie', session.cookie).expect(200);
    expect(sessionCookie(fresh)).toBeUndefined();

    jest.useFakeTimers(ONLY_DATE);
    jest.setSystemTime(Date.now() + 6 * MINUTE);
    const renewed = await t.http.get('/signin').set('Cookie', session.cookie).expect(200);
    const token = sessionCookie(renewed);
    expect(token).toBeDefined();
    expect(token).not.toBe(session.token);

    jest.setSystemTime(Date.now() + 10 * MINUTE);
    const update = { title: 'Osh' };
    // 16 minutes after sign-in the first token has expired; the renewed one (10 minutes old) still works.
    await t.http.post('/api/live-blogs').set(session.writeHeaders).send(update).expect(401);
    const renewedHeaders = { ...session.writeHeaders, Cookie: `dateline_session=${token}` };
    await t.http.post('/api/live-blogs').set(renewedHeaders).send(update).expect(201);
  });
});

describe('sessions across nodes', () => {
  let folder: string;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-sessions-'));
    const storePath = join(folder, 'events.db');
    a = await startApp({ storePath });
    b = await startApp({ storePath });
    await addAccount(a);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a session opened on one node works on the other, and a sign-out on one ends it on both', async () => {
    const session = await signIn(a);
    const onB = () => b.app.get(SessionAuthenticator).fromToken(session.token);
    await waitFor(() => onB() !== null, 15_000, 'node b to see the session');
    const handshake = b.app.get(SessionAuthenticator).fromCookieHeader(`theme=dark; ${session.cookie}`);
    expect(handshake?.author).toEqual({ id: 'ann', name: 'Ann Editor', role: 'editor' });
    await b.http.post('/api/live-blogs').set(session.writeHeaders).send({ title: 'Osh on b' }).expect(201);
    await a.http
      .post('/signout')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: session.csrfToken })
      .expect(303);
    await waitFor(() => onB() === null, 15_000, 'node b to see the sign-out');
    // The socket handshake's Cookie header, as presence reads it, is refused on node b too.
    expect(b.app.get(SessionAuthenticator).fromCookieHeader(`theme=dark; ${session.cookie}`)).toBeNull();
    await b.http.post('/api/live-blogs').set(session.writeHeaders).send({ title: 'Osh again' }).expect(401);
  });
});
