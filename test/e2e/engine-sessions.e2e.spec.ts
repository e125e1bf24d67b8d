import { request as httpRequest } from 'node:http';
import type { Namespace } from 'socket.io';
import { Manager } from 'socket.io-client';
import { LiveGateway } from '../../src/live-blog/realtime/live.gateway.js';
import { startApp, type TestApp } from '../support/app.js';
import { connectReader, range, type Reader, waitFor } from '../support/live.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Where a raw Engine.IO request comes from: a loopback address of its own, or a forwarded one behind TRUST_PROXY. */
interface From {
  readonly localAddress?: string;
  readonly forwardedFor?: string;
}

/** One Engine.IO request over a fresh connection (no Socket.IO, no namespace). */
function engineRequest(url: string, query: string, from: From, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}/socket.io/?EIO=4&${query}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: false,
        localAddress: from.localAddress,
        headers: {
          connection: 'close',
          ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
          ...(body === undefined ? {} : { 'content-type': 'text/plain;charset=UTF-8' }),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** An Engine.IO session over long-polling that joins no namespace: the handshake's answer. */
const engineSession = (url: string, from: From = {}) => engineRequest(url, 'transport=polling', from);

const sessionId = (answer: Answer) => (JSON.parse(answer.body.slice(1)) as { sid: string }).sid;

describe('Engine.IO sessions count against the socket budgets, whatever namespace they join', () => {
  let t: TestApp;
  const readers: Reader[] = [];
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await t.close();
  });

  it('spends SOCKET_CONNECT_RATE_LIMIT on every session, refusing the next with 429, another address still connects', async () => {
    // Given a budget of 5 new sessions a minute per address
    t = await startApp({ env: { SOCKET_CONNECT_RATE_LIMIT: '5' } });

    // When one address opens 5 sessions that never join a namespace, then one more, then a /live reader
    const opened = [];
    for (const _ of range(1, 5)) opened.push(await engineSession(t.url, { localAddress: '127.0.0.1' }));
    const refused = await engineSession(t.url, { localAddress: '127.0.0.1' });
    const reader = connectReader(t.url, { localAddress: '127.0.0.1' } as object);
    const readerRefused = await reader.then(
      () => false,
      () => true,
    );
    const elsewhere = await connectReader(t.url, { localAddress: '127.0.0.2' } as object);
    readers.push(elsewhere);
    console.log(
      `engine-only sessions from one address (SOCKET_CONNECT_RATE_LIMIT 5): ${opened.length} opened, ` +
        `the next answered ${refused.status}, a /live reader refused: ${readerRefused}; ` +
        `another address's reader connected: ${elsewhere.socket.connected}`,
    );

    // Then the first 5 were taken, the 6th is refused with the budget's problem, and so is the reader
    expect(opened.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      kind: 'rate_limited',
      detail: expect.stringMatching(/too many new connections from your address; retry in \d+ s/),
      retryAfterSeconds: expect.any(Number),
    });
    expect(readerRefused).toBe(true);
    // And another address is not held up by it
    expect(elsewhere.socket.connected).toBe(true);
    expect(await elsewhere.subscribe('no-such-story')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('holds an address to CONNECTIONS_PER_ADDRESS open sessions behind a proxy too, and gives a closed one back', async () => {
    // Given 4 open connections per address, behind one balancer (whose own cap on TCP connections is off)
    t = await startApp({ env: { CONNECTIONS_PER_ADDRESS: '4', TRUST_PROXY: '1' } });
    const crowd = { forwardedFor: '203.0.113.7' };

    // When that address holds 4 sessions that never join a namespace, and asks for more
    const held = [];
    for (const _ of range(1, 4)) held.push(await engineSession(t.url, crowd));
    const fifth = await engineSession(t.url, crowd);
    const reader = connectReader(t.url, { extraHeaders: { 'x-forwarded-for': crowd.forwardedFor } });
    const readerRefused = await reader.then(
      () => false,
      () => true,
    );
    const other = await engineSession(t.url, { forwardedFor: '203.0.113.8' });
    console.log(
      `engine-only sessions held by one address (CONNECTIONS_PER_ADDRESS 4, TRUST_PROXY 1): ` +
        `${held.filter((answer) => answer.status === 200).length} opened, the 5th answered ${fifth.status}, ` +
        `a /live reader refused: ${readerRefused}; another address answered ${other.status}`,
    );

    // Then the 5th and the reader are refused, another address is not
    expect(held.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(fifth.status).toBe(429);
    expect(JSON.parse(fifth.body)).toMatchObject({
      kind: 'rate_limited',
      detail: expect.stringMatching(/too many open connections from your address \(at most 4\)/),
    });
    expect(readerRefused).toBe(true);
    expect(other.status).toBe(200);

    // And once one of its sessions closes (an Engine.IO close packet), the address may open one again
    const closed = await engineRequest(t.url, `transport=polling&sid=${sessionId(held[0]!)}`, crowd, '1');
    expect(closed.status).toBe(200);
    expect((await engineSession(t.url, crowd)).status).toBe(200);
    expect((await engineSession(t.url, crowd)).status).toBe(429);
  });

  it('spends the budget on each further namespace connect over one session, refused with connect_error data', async () => {
    // Given a budget of 3 new connections a minute, and one session carrying two namespaces
    t = await startApp({ env: { SOCKET_CONNECT_RATE_LIMIT: '3' } });
    const manager = new Manager(t.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const main = manager.socket('/');
    const live = manager.socket('/live');
    const connected = (socket: typeof live) =>
      new Promise<Error | undefined>((resolve) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', resolve);
      });
    // A socket.io server reads a namespace's disconnect a tick after a connect sent behind it: wait for it.
    const readersHere = () => (t.app.get(LiveGateway) as unknown as { server: Namespace }).server.sockets.size;
    const leave = async (socket: typeof live) => {
      socket.disconnect();
      await waitFor(() => readersHere() === 0, 5000, 'the server to see /live leave');
    };
    try {
      // When the session connects both (its handshake pays for the first), then /live again, and again
      const first = await Promise.all([connected(main), connected(live)]);
      await leave(live);
      const second = await connected(live.connect());
      await leave(live);
      const third = (await connected(live.connect())) as (Error & { data?: unknown }) | undefined;
      console.log(
        `namespace connects over one session (SOCKET_CONNECT_RATE_LIMIT 3): ${first.filter((e) => !e).length} ` +
          `connected at first, a reconnect ${second ? 'refused' : 'connected'}, the next ${third ? 'refused' : 'connected'}`,
      );

      // Then the third connect over the session is refused with the documented data
      expect(first).toEqual([undefined, undefined]);
      expect(second).toBeUndefined();
      expect(third?.message).toMatch(/too many new connections from your address; retry in \d+ s/);
      expect(third?.data).toEqual({
        code: 'rate_limited',
        kind: 'rate_limited',
        retryAfterSeconds: expect.any(Number),
      });
      // And the session's other namespace is still connected
      expect(main.connected).toBe(true);
    } finally {
      main.disconnect();
      live.disconnect();
    }
  });
});
