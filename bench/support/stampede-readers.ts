/**
 * One of the processes bench/stampede.ts (P8) spreads its readers over: each reader opens a socket
 * at its own moment, from its own loopback address (127.0.0.x, `localAddress`), and notes how long
 * it took until it could read: on Dateline, connect → the subscribe's ack with its catch-up; on the
 * bare Socket.IO server, connect → connected. The readers stay connected until the parent stops
 * this process, as a stampede's readers stay on the story.
 * Driven over IPC (advanced serialization: the latencies travel as a typed array).
 */
import { performance } from 'node:perf_hooks';
import { connectLive, subscribe, type LiveClientSocket } from '../../packages/client/src/follower.js';

export interface StampedePlan {
  readonly url: string;
  /** When the stampede starts, in ms since the epoch (performance.timeOrigin + performance.now()). */
  readonly startAt: number;
  /** Each reader's arrival, in ms after startAt, and the loopback address it connects from. */
  readonly arrivals: readonly { readonly atMs: number; readonly address: string }[];
  /** On Dateline: the story and where each reader resumes (so that its catch-up carries events). */
  readonly resume?: { readonly liveBlogId: string; readonly afterRevision: number; readonly epoch: string };
  readonly timeoutMs: number;
}

export interface StampedeOutcome {
  /** Per reader that got in, ms from opening its socket to reading (connected, or subscribed and caught up). */
  readonly latencies: Float64Array;
  /** Handshakes and connects refused with `rate_limited` (SOCKET_CONNECT_RATE_LIMIT, CONNECTIONS_PER_ADDRESS). */
  readonly connectRefused: number;
  /** Other connect failures (a closed connection, no answer within the timeout). */
  readonly connectFailed: number;
  /** Subscribes answered with an error, by its code (rate_limited: LIVE_REQUESTS_PER_ADDRESS). */
  readonly subscribeRefused: Record<string, number>;
  /** Acks that replayed the missed events, and acks that sent the article to redraw from instead. */
  readonly caughtUpWithEvents: number;
  readonly caughtUpWithArticle: number;
  /** Events the replaying acks carried, in all. */
  readonly eventsReplayed: number;
  readonly disconnected: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * A refused namespace connect carries `rate_limited` in its data; a handshake refused before any
 * namespace (the engine's session budgets) is a 429 the WebSocket reports as its error.
 */
function rateLimited(error: Error & { data?: { code?: string } }): boolean {
  const { description } = error as { description?: { message?: unknown } };
  return error.data?.code === 'rate_limited' || String(description?.message).endsWith(' 429');
}
const sockets: LiveClientSocket[] = [];

process.on('message', (message: StampedePlan | 'cpu') => {
  if (message === 'cpu') return void process.send!({ cpu: process.cpuUsage() });
  stampede(message).then(
    (outcome) => process.send!(outcome),
    (error: unknown) => process.send!({ failed: error instanceof Error ? error.message : String(error) }),
  );
});

async function stampede(plan: StampedePlan): Promise<StampedeOutcome> {
  const latencies: number[] = [];
  const outcome = {
    connectRefused: 0,
    connectFailed: 0,
    subscribeRefused: {} as Record<string, number>,
    caughtUpWithEvents: 0,
    caughtUpWithArticle: 0,
    eventsReplayed: 0,
    disconnected: 0,
  };
  const arrive = async (address: string) => {
    const openedAt = now();
    const socket = connectLive(plan.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: plan.timeoutMs,
      localAddress: address,
    } as Parameters<typeof connectLive>[1]);
    sockets.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      // The client's `timeout` covers the Engine.IO handshake only, not the namespace's answer.
      const timer = setTimeout(() => {
        outcome.connectFailed++;
        socket.close();
        resolve(false);
      }, plan.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        if (rateLimited(error)) outcome.connectRefused++;
        else outcome.connectFailed++;
        resolve(false);
      });
    });
    if (!connected) return;
    socket.on('disconnect', () => outcome.disconnected++);
    if (!plan.resume) return void latencies.push(now() - openedAt);
    const ack = await subscribe(socket, plan.resume, plan.timeoutMs).catch(() => ({
      ok: false as const,
      error: { code: 'timeout' },
    }));
    const readAt = now();
    if (!ack.ok) {
      outcome.subscribeRefused[ack.error.code] = (outcome.subscribeRefused[ack.error.code] ?? 0) + 1;
      return;
    }
    latencies.push(readAt - openedAt);
    if ('events' in ack)
      [outcome.caughtUpWithEvents, outcome.eventsReplayed] = [
        outcome.caughtUpWithEvents + 1,
        outcome.eventsReplayed + ack.events.length,
      ];
    else outcome.caughtUpWithArticle++;
  };
  const arrivals = plan.arrivals.map(
    ({ atMs, address }) =>
      new Promise<void>((resolve) => {
        setTimeout(() => void arrive(address).finally(resolve), Math.max(0, plan.startAt + atMs - now()));
      }),
  );
  await Promise.all(arrivals);
  return { ...outcome, latencies: Float64Array.from(latencies) };
}
