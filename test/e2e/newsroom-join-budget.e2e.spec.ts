import { io, type Socket } from 'socket.io-client';
import { addAccount, signIn } from '../support/accounts.js';
import { bearer, startApp, type TestApp } from '../support/app.js';

const STORY = 'join-budget';

interface JoinAck {
  readonly ok: boolean;
  readonly error?: { code: string; kind: string };
}

/** A console's presence socket from `localAddress` (any 127.x address is this machine's loopback on Linux). */
async function presenceSocket(t: TestApp, cookie: string, localAddress: string): Promise<Socket> {
  const socket = io(`${t.url}/newsroom`, {
    extraHeaders: { cookie },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    localAddress,
  } as object);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const join = (socket: Socket) => socket.timeout(5000).emitWithAck('join', { liveBlogId: STORY }) as Promise<JoinAck>;

describe('/newsroom join budget per client address', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await t.close();
  });

  it('holds one address to NEWSROOM_JOIN_RATE_LIMIT joins over all its sockets, and not another address', async () => {
    // Given a budget of 10 joins per 10 s per address, and an editor signed in
    t = await startApp({ env: { NEWSROOM_JOIN_RATE_LIMIT: '10' } });
    await t.http
      .post('/api/live-blogs')
      .set(bearer(t.token('editor')))
      .send({ id: STORY, title: 'Joins' })
      .expect(201);
    await addAccount(t, { username: 'ann', displayName: 'Ann Editor' });
    const { cookie } = await signIn(t, 'ann');

    // When one address opens 4 sockets and joins 4 times on each (each socket within its own 20)
    const crowd = await Promise.all([1, 2, 3, 4].map(() => presenceSocket(t, cookie, '127.0.0.1')));
    sockets.push(...crowd);
    const acks: JoinAck[] = [];
    for (const socket of crowd) for (const _ of [1, 2, 3, 4]) acks.push(await join(socket));
    // And a socket from another address joins
    const other = await presenceSocket(t, cookie, '127.0.0.2');
    sockets.push(other);
    const elsewhere = await join(other);
    const joined = acks.filter((ack) => ack.ok).length;
    console.log(
      `/newsroom joins from one address over 4 sockets (NEWSROOM_JOIN_RATE_LIMIT 10): ${joined} of ` +
        `${acks.length} joined, ${acks.length - joined} rate_limited; another address joined: ${elsewhere.ok}`,
    );

    // Then the first 10 are joined and the other 6 refused, whichever socket asked
    expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
    expect(acks.slice(10).map((ack) => ack.error)).toEqual(
      Array(6).fill({ code: 'rate_limited', kind: 'rate_limited', message: 'too many join requests; slow down' }),
    );
    // And another address is not held up
    expect(elsewhere).toMatchObject({ ok: true });
  });

  it("closes a console socket that sends more than 4 KB, though the engine takes /live's 16 KB", async () => {
    // Given an editor's console socket (the app and account of the test above)
    const { cookie } = await signIn(t, 'ann');
    const socket = await presenceSocket(t, cookie, '127.0.0.3');
    sockets.push(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // When it sends a 5 KB join
    socket.emit('join', { liveBlogId: 'x'.repeat(5_000) });
    // Then its connection is closed by the server
    expect(await closed).toBe('io server disconnect');
  });
});
