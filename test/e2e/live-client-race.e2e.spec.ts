import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';
import type { PublicEvent, SubscribeAck } from '../../src/live-blog/realtime/live-events.js';
import { range, waitFor } from '../support/live.js';

const BLOG = 'race-desk';
const AT = '2010-04-08T17:37:00Z';
const event = (revision: number): PublicEvent => ({
  liveBlogId: BLOG,
  revision,
  position: revision,
  type: 'UpdatePosted',
  at: AT,
  data: {},
});

type TcpSocket = { cork(): void; uncork(): void };

/**
 * A server that answers a subscribe with its ack and, in the very same network write, the next
 * pushed event: what a busy node does when an editor's post lands just as the catch-up is read.
 * The client's socket library then hands both messages over in one go, before any promise
 * continuation runs.
 */
async function raceServer(ackFor: (afterRevision: number) => SubscribeAck, pushed: number[]) {
  const http: HttpServer = createServer();
  const io = new Server(http);
  io.of('/live').on('connection', (socket: Socket) => {
    socket.on('subscribe', (request: { afterRevision?: number }, ack: (reply: SubscribeAck) => void) => {
      const tcp = (socket.conn.transport as unknown as { socket: { _socket: TcpSocket } }).socket._socket;
      tcp.cork();
      ack(ackFor(request.afterRevision ?? -1));
      for (const revision of pushed) socket.emit('event', event(revision));
      process.nextTick(() => tcp.uncork());
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

describe('the live client when the ack and the next event arrive in one read', () => {
  const resumed = (after: number): SubscribeAck => ({
    ok: true,
    epoch: 'e1',
    revision: 10,
    events: range(after + 1, 10).map(event),
    recovered: true,
  });
  const redrawn = (): SubscribeAck => ({ ok: true, epoch: 'e1', revision: 10, article: { revision: 10 } as never });
  const cases: Array<[string, (afterRevision: number) => SubscribeAck, number[]]> = [
    ['a resumed reader (events in the ack)', resumed, [11, 12]],
    ['a reader redrawing from the article', redrawn, [11, 12]],
    ['a resumed reader also pushed what its ack held', resumed, [9, 10, 11, 12]],
  ];

  it.each(cases)('%s applies every event once, in order, and never moves back', async (_, ackFor, pushed) => {
    const server = await raceServer(ackFor, pushed);
    const socket = connectLive(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    // What the page does, in order: each event applied, and the ack (a redraw when it holds an article).
    const applied: string[] = [];
    const follower = new LiveBlogFollower(
      socket,
      BLOG,
      {
        onEvent: (pushed) => applied.push(String(pushed.revision)),
        onAck: (ack) => applied.push(`ack ${ack.ok ? ack.revision : 'refused'}`),
      },
      { afterRevision: 5, epoch: 'e1' },
    );
    try {
      await waitFor(() => applied.includes('ack 10') && applied.includes('12'), 15_000, 'the ack and events 11 and 12');
      const resumed = 'events' in ackFor(5);
      console.log(`race: applied [${applied.join(', ')}], revision ${follower.revision}`);
      expect(applied).toEqual([...(resumed ? ['6', '7', '8', '9', '10'] : []), 'ack 10', '11', '12']);
      expect(follower.revision).toBe(12);
    } finally {
      socket.disconnect();
      await server.close();
    }
  });
});
