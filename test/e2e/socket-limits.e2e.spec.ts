import type { Namespace } from 'socket.io';
import { LiveGateway } from '../../src/live-blog/realtime/live.gateway.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, range, waitFor, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'socket-limits';

describe('socket limits', () => {
  let t: TestApp;
  const readers: Reader[] = [];
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await t.close();
  });
  const start = async (env: NodeJS.ProcessEnv) => {
    t = await startApp({ env });
    await givenLiveBlog(t, { id: BLOG, title: 'Sockets' });
  };
  const connect = async () => {
    const reader = await connectReader(t.url);
    readers.push(reader);
    return reader;
  };
  const post = (body: string) =>
    t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(t.token('editor')))
      .send({ kind: 'report', body })
      .expect(201);

  it('refuses new sockets past SOCKET_CONNECT_RATE_LIMIT with a clear error, and leaves open ones alone', async () => {
    await start({ SOCKET_CONNECT_RATE_LIMIT: '10' });
    const open = [];
    for (const _ of range(1, 10)) open.push(await connect());
    const refused = await Promise.allSettled(range(1, 5).map(() => connect()));
    const errors = refused.map((result) => (result.status === 'rejected' ? result.reason : undefined));
    console.log(
      `15 new sockets from one address (limit 10 a minute): ${open.length} connected, ${errors.length} refused`,
    );
    for (const error of errors) {
      // The handshake itself answered 429 (test/e2e/engine-sessions.e2e.spec.ts reads its problem body).
      expect(error?.message).toBe('websocket error');
      expect(String(error?.description?.message)).toMatch(/Unexpected server response: 429/);
    }
    // The ten already open keep receiving.
    for (const reader of open) expect(await reader.subscribe(BLOG)).toMatchObject({ ok: true });
    const { revision } = (await post('Still pushed.')).body as { revision: number };
    for (const reader of open) await reader.waitForRevision(revision);
  });

  it('does not cap open sockets per address: 300 from one address are all accepted by default', async () => {
    await start({});
    const crowd = await Promise.all(range(1, 300).map(() => connect()));
    expect(crowd.every((reader) => reader.socket.connected)).toBe(true);
  });

  it('cuts a socket whose frame is larger than 16 KB, and keeps serving the others', async () => {
    await start({});
    const big = await connect();
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', resolve));
    big.socket.emit('subscribe', { liveBlogId: 'x'.repeat(20_000) }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
    const next = await connect();
    expect(await next.subscribe(BLOG)).toMatchObject({ ok: true });
  });

  it("takes a 12 KB message on /live, within its documented 16 KB: /newsroom's 4 KB is not the engine's", async () => {
    await start({});
    const reader = await connect();
    const answer = await reader.socket.timeout(10_000).emitWithAck('subscribe', { liveBlogId: 'x'.repeat(12_000) });
    expect(answer).toMatchObject({ ok: false });
    expect(reader.socket.connected).toBe(true);
  });

  it('cuts off a reader that never reads, holding a bounded number of bytes for it', async () => {
    const limit = 100;
    await start({ READER_BUFFER_LIMIT: String(limit), WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0' });
    const slow = await connect();
    await slow.subscribe(BLOG);
    const live = (t.app.get(LiveGateway) as unknown as { server: Namespace }).server;
    const slowId = slow.socket.id!;
    const held = live.sockets.get(slowId)!.conn as unknown as EngineConnection;
    // Stop reading from the TCP socket: the kernel's buffers fill, then the server's.
    const engine = slow.socket.io.engine as unknown as {
      transport: { ws: { _socket: { pause(): void; destroy(): void } } };
    };
    const tcp = engine.transport.ws._socket;
    tcp.pause();

    const body = 'x'.repeat(9000);
    const postedAt: number[] = [];
    let most = { packets: 0, bytes: 0 };
    let firstHeld: number | undefined;
    for (let index = 0; index < 5000 && held.readyState === 'open'; index++) {
      await post(`${index} ${body}`);
      postedAt.push(Date.now());
      const now = bufferedBy(held);
      if (now.packets > 0) firstHeld ??= index;
      if (now.bytes > most.bytes) most = now;
    }
    const cutAt = Date.now();
    expect(held.readyState).not.toBe('open');
    // The sweep looks every second: at most the limit plus what arrived since the last look.
    const sinceLastLook = postedAt.filter((at) => at > cutAt - 2000).length;
    console.log(
      `slow reader: ${firstHeld} events taken by the kernel's socket buffers, then cut off after ${postedAt.length} ` +
        `events; the server held at most ${most.packets} packets, ${Math.round(most.bytes / 1024)} KB for it ` +
        `(READER_BUFFER_LIMIT ${limit}, ~9 KB an event)`,
    );
    expect(most.packets).toBeLessThanOrEqual(limit + sinceLastLook);
    expect(most.bytes).toBeLessThanOrEqual((limit + sinceLastLook + 2) * 10 * 1024);
    await waitFor(() => live.sockets.get(slowId) === undefined, 15_000, 'the slow socket to be gone');
    tcp.destroy();
  }, 120_000);
});

interface EngineConnection {
  readyState: string;
  writeBuffer: { data?: unknown }[];
  transport: { socket?: { _socket?: { writableLength: number } } };
}

/** What the server holds for one connection in its own memory: engine.io's queue, and what Node has not handed to the kernel. */
function bufferedBy(connection: EngineConnection): { packets: number; bytes: number } {
  const queued = connection.writeBuffer.reduce(
    (sum, packet) => sum + (typeof packet.data === 'string' ? Buffer.byteLength(packet.data) : 0),
    0,
  );
  const unsent = connection.transport.socket?._socket?.writableLength ?? 0;
  return { packets: connection.writeBuffer.length, bytes: queued + unsent };
}
