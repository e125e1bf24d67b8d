/**
 * The documented client (LiveBlogFollower) after the faults a restart brings, against a scripted
 * Socket.IO server: a subscribe refused for a while or never answered is asked again after a
 * jittered wait, events pushed while no subscribe has been acknowledged are not applied (the
 * catch-up holds them: applying them would skip the ones before), and a socket the server closed
 * (a slow reader cut off, a server saying goodbye) connects again by itself. Each of these failed
 * before the client handled it: the follower stayed unsubscribed, or applied [11, 12] with a gap.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import {
  connectLive,
  LiveBlogFollower,
  RECONNECTION,
  retryDelay,
  type LiveClientSocket,
} from '../../packages/client/src/follower.js';
import type { PublicEvent, SubscribeAck, SubscribeRequest } from '../../src/live-blog/realtime/live-events.js';
import { range, waitFor } from '../support/live.js';

const BLOG = 'recovering-desk';
const event = (revision: number): PublicEvent => ({
  liveBlogId: BLOG,
  revision,
  position: revision,
  type: 'UpdatePosted',
  at: '2010-04-08T17:37:00Z',
  data: { updateId: `u${revision}` },
});
const resumed = (after: number, head: number): SubscribeAck => ({
  ok: true,
  epoch: 'e1',
  revision: head,
  events: range(after + 1, head).map(event),
  recovered: true,
});

/** What the scripted server does with the n-th subscribe it receives (1 first), on any connection. */
type Script = (request: SubscribeRequest, socket: Socket, ack: (reply: SubscribeAck) => void, nth: number) => void;

async function scriptedServer(script: Script) {
  const http = createServer();
  const io = new Server(http);
  const requests: Array<SubscribeRequest & { at: number }> = [];
  io.of('/live').on('connection', (socket: Socket) => {
    socket.on('subscribe', (request: SubscribeRequest, ack: (reply: SubscribeAck) => void) => {
      requests.push({ ...request, at: Date.now() });
      script(request, socket, ack, requests.length);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

describe('the live client recovers from what a restart does to it', () => {
  let socket: LiveClientSocket | undefined;
  let server: Awaited<ReturnType<typeof scriptedServer>> | undefined;
  afterEach(async () => {
    socket?.disconnect();
    await server?.close();
  });

  const follow = (applied: number[], subscribeTimeoutMs?: number) => {
    socket = connectLive(server!.url, { transports: ['websocket'], forceNew: true });
    return new LiveBlogFollower(
      socket,
      BLOG,
      { onEvent: (pushed) => applied.push(pushed.revision) },
      { afterRevision: 5, epoch: 'e1' },
      { subscribeTimeoutMs },
    );
  };

  it('asks again, after a jittered wait, when a busy server refuses the subscribe for a while', async () => {
    server = await scriptedServer((request, _socket, ack, nth) =>
      ack(
        nth === 1
          ? { ok: false, error: { code: 'unavailable', message: 'the story could not be read; retry' } }
          : resumed(request.afterRevision!, 8),
      ),
    );
    const applied: number[] = [];
    const follower = follow(applied);
    await waitFor(() => follower.revision === 8, 15_000, 'the second subscribe');
    const [first, second] = server.requests;
    console.log(`follower: refused, asked again after ${second!.at - first!.at} ms, applied [${applied.join(', ')}]`);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(400);
    expect(second).toMatchObject({ liveBlogId: BLOG, afterRevision: 5, epoch: 'e1' });
    expect(applied).toEqual([6, 7, 8]);
  });

  it('drops pushes while its subscribe is unanswered, then catches up from the revision it held, with no gap', async () => {
    // The first subscribe is never answered, yet the server pushes (it joined the reader to the room).
    server = await scriptedServer((request, socket, ack, nth) => {
      if (nth === 1) for (const revision of [11, 12]) socket.emit('event', event(revision));
      else ack(resumed(request.afterRevision!, 12));
    });
    const applied: number[] = [];
    const follower = follow(applied, 300);
    await waitFor(() => follower.revision === 12, 15_000, 'the retried subscribe');
    console.log(`follower: first subscribe unanswered, applied [${applied.join(', ')}]`);
    expect(server.requests.map((request) => request.afterRevision)).toEqual([5, 5]);
    expect(applied).toEqual(range(6, 12));
  });

  it('connects again by itself when the server closes the socket, and resumes from its revision', async () => {
    server = await scriptedServer((request, socket, ack, nth) => {
      ack(resumed(request.afterRevision!, 5 + nth));
      if (nth === 1) {
        socket.emit('goodbye', { reason: 'slow_consumer', message: 'too far behind' });
        socket.disconnect(true);
      }
    });
    const applied: number[] = [];
    const follower = follow(applied);
    await waitFor(() => follower.revision === 7, 15_000, 'a subscribe on a new connection');
    expect(server.requests.map((request) => request.afterRevision)).toEqual([5, 6]);
    expect(applied).toEqual([6, 7]);
  });
});

describe('the follower notices a push that skips a revision', () => {
  let socket: LiveClientSocket | undefined;
  let server: Awaited<ReturnType<typeof scriptedServer>> | undefined;
  afterEach(async () => {
    socket?.disconnect();
    await server?.close();
  });

  it('subscribes again from the revision it holds, and applies the missing one before the later', async () => {
    // After the first ack (head 5) the server pushes 6, then 8: 7 was lost on the way. The follower
    // must ask again from 6, and the catch-up gives 7 and 8.
    server = await scriptedServer((request, socket, ack, nth) => {
      ack(resumed(request.afterRevision!, nth === 1 ? 5 : 8));
      if (nth === 1) setTimeout(() => [6, 8].forEach((revision) => socket.emit('event', event(revision))), 20);
    });
    socket = connectLive(server.url, { transports: ['websocket'], forceNew: true });
    const applied: number[] = [];
    const follower = new LiveBlogFollower(
      socket,
      BLOG,
      { onEvent: (pushed) => applied.push(pushed.revision) },
      {
        afterRevision: 3,
        epoch: 'e1',
      },
    );
    await waitFor(() => follower.revision === 8, 15_000, 'the catch-up after the gap');
    expect(server.requests.map((request) => request.afterRevision)).toEqual([3, 6]);
    expect(applied).toEqual([4, 5, 6, 7, 8]);
  });

  it('subscribes again after its ack when a resume heard before it names a revision the catch-up lacked', async () => {
    // The server's push of 7 failed while this subscribe's catch-up (read up to 6) was on its way:
    // it says `resume` up to 7 before the ack. Then a resume the follower already holds changes nothing.
    server = await scriptedServer((request, socket, ack, nth) => {
      if (nth === 1) socket.emit('resume', { liveBlogId: BLOG, revision: 7 });
      ack(resumed(request.afterRevision!, nth === 1 ? 6 : 7));
      if (nth === 2) setTimeout(() => socket.emit('resume', { liveBlogId: BLOG, revision: 7 }), 20);
    });
    socket = connectLive(server.url, { transports: ['websocket'], forceNew: true });
    const applied: number[] = [];
    const onEvent = (pushed: PublicEvent) => applied.push(pushed.revision);
    const follower = new LiveBlogFollower(socket, BLOG, { onEvent }, { afterRevision: 5, epoch: 'e1' });
    await waitFor(() => follower.revision === 7, 5000, 'the second catch-up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests.map((request) => request.afterRevision)).toEqual([5, 6]);
    expect(applied).toEqual([6, 7]);
  });

  it('stops on close(): no more events, and no subscribe after a reconnect', async () => {
    server = await scriptedServer((request, socket, ack) => {
      ack(resumed(request.afterRevision!, 5));
      setTimeout(() => socket.emit('event', event(6)), 50);
    });
    socket = connectLive(server.url, { transports: ['websocket'], forceNew: true });
    const applied: number[] = [];
    const follower = new LiveBlogFollower(
      socket,
      BLOG,
      { onEvent: (pushed) => applied.push(pushed.revision) },
      {
        afterRevision: 4,
      },
    );
    await waitFor(() => follower.revision === 5, 15_000, 'the first ack');
    follower.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.disconnect().connect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(applied).toEqual([5]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('reconnection backs off with jitter', () => {
  it('spells out Socket.IO reconnection with a random factor, and draws the follower own waits at random', () => {
    expect(RECONNECTION).toEqual({
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    expect([0, 1, 2, 10].map((failures) => retryDelay(failures, () => 0))).toEqual([500, 1000, 2000, 15_000]);
    expect([0, 1, 2, 10].map((failures) => retryDelay(failures, () => 0.999))).toEqual([1499, 2998, 5996, 44_970]);
    const waits = new Set(range(1, 50).map(() => retryDelay(0)));
    expect(waits.size).toBeGreaterThan(25);
  });
});
