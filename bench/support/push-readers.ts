/**
 * The readers of the push figures (support/push-harness.ts), in a process of their own so that
 * receiving does not run on a server's event loop: N Socket.IO clients on /live, each noting
 * when every event reached it.
 * Driven over IPC (advanced serialization, so receipts travel as typed arrays, not JSON); also
 * answers 'cpu' with process.cpuUsage() like the servers.
 */
import { performance } from 'node:perf_hooks';
import { connectLive, subscribe, type LiveClientSocket } from '../../packages/client/src/follower.js';

export type ToReaders =
  /** Opens `count` clients, `batch` at a time; with a liveBlogId each one subscribes to it too. */
  | {
      readonly type: 'connect';
      readonly url: string;
      readonly count: number;
      readonly batch: number;
      readonly liveBlogId?: string;
    }
  /** Waits until every reader holds every one of these revisions (or the timeout), replies, and forgets them. */
  | { readonly type: 'collect'; readonly revisions: readonly number[]; readonly timeoutMs: number };

export type FromReaders =
  | { readonly type: 'progress'; readonly connected: number }
  | { readonly type: 'connected'; readonly connected: number }
  /** Per reader, pairs (revision, receipt time in ms since the epoch), in arrival order. */
  | {
      readonly type: 'receipts';
      readonly receipts: Float64Array[];
      readonly disconnected: number;
      readonly payloadBytes: number;
      readonly wire: Wire;
    }
  | { readonly type: 'failed'; readonly message: string };

/** How long a reader may take from opening its socket to its namespace `connect` (Engine.IO handshake included). */
const CONNECT_TIMEOUT_MS = 60_000;
const sockets: LiveClientSocket[] = [];
const receipts: number[][] = [];
let disconnected = 0;
/** The size of one received event as JSON, to show that both servers pushed the same payload. */
let payloadBytes = 0;

/**
 * What reached the readers' WebSockets since they all connected: messages (one frame each: neither
 * server fragments), their payload bytes, and the TCP bytes read (frame headers and pings
 * included); per kind (`event`, `readers`, `ping`…), messages and payload bytes.
 */
export interface Wire {
  frames: number;
  bytes: number;
  tcpBytes: number;
  kinds: Record<string, { frames: number; bytes: number }>;
}
let wire: Wire = { frames: 0, bytes: 0, tcpBytes: 0, kinds: {} };
type RawSocket = { bytesRead: number };
const tcpSockets: RawSocket[] = [];
let tcpBytesAtStart = 0;

const reply = (message: FromReaders) => process.send!(message);

process.on('message', (message: ToReaders | 'cpu') => {
  if (message === 'cpu') return void process.send!({ cpu: process.cpuUsage() });
  const work = message.type === 'connect' ? connect(message) : collect(message);
  work.catch((error: unknown) =>
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});

async function connect({ url, count, batch, liveBlogId }: Extract<ToReaders, { type: 'connect' }>): Promise<void> {
  // In batches, so that the server under test is not flooded with thousands of handshakes at once.
  for (let start = 0; start < count; start += batch) {
    const attempts = await Promise.allSettled(Array.from({ length: Math.min(batch, count - start) }, () => open(url)));
    const opened = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    if (opened.length < attempts.length) throw new Error(connectFailures(attempts));
    if (liveBlogId) {
      const acks = await Promise.all(opened.map((socket) => subscribe(socket, { liveBlogId }, 60_000)));
      const refused = acks.find((ack) => !ack.ok);
      if (refused && !refused.ok) throw new Error(`subscribe refused: ${refused.error.code} ${refused.error.message}`);
    }
    reply({ type: 'progress', connected: connectedCount() });
  }
  // The subscribe acks (an article each) are garbage now: collect it before the posts, not during.
  (globalThis as { gc?: () => void }).gc?.();
  wire = { frames: 0, bytes: 0, tcpBytes: 0, kinds: {} };
  tcpBytesAtStart = tcpSockets.reduce((sum, tcp) => sum + tcp.bytesRead, 0);
  reply({ type: 'connected', connected: connectedCount() });
}

const connectedCount = () => sockets.filter((socket) => socket.connected).length;

/** One line for a batch that did not all connect: how many, and each distinct cause with its count. */
function connectFailures(attempts: PromiseSettledResult<LiveClientSocket>[]): string {
  const causes = new Map<string, number>();
  for (const attempt of attempts) {
    if (attempt.status === 'fulfilled') continue;
    const cause = attempt.reason instanceof Error ? attempt.reason.message : String(attempt.reason);
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  const failed = [...causes.values()].reduce((sum, times) => sum + times, 0);
  const listed = [...causes].map(([cause, times]) => `${times} × ${cause}`).join('; ');
  return `${failed} of a batch of ${attempts.length} readers did not connect (${connectedCount()} in all did): ${listed}`;
}

function open(url: string): Promise<LiveClientSocket> {
  const socket = connectLive(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const mine: number[] = [];
  receipts.push(mine);
  sockets.push(socket);
  // As little as possible before the clock is read: this handler is the measurement.
  socket.on('event', (event) => {
    const at = performance.timeOrigin + performance.now();
    mine.push(event.revision, at);
    if (payloadBytes === 0) payloadBytes = Buffer.byteLength(JSON.stringify(event));
  });
  socket.on('disconnect', () => disconnected++);
  return new Promise((resolve, reject) => {
    // The client's `timeout` covers the Engine.IO handshake only: a namespace connect the server
    // never answers would leave the reader, and the harness, waiting for ever.
    const timer = setTimeout(() => {
      const stage = socket.io.engine?.readyState === 'open' ? 'session open, /live never answered' : 'no session';
      socket.close();
      reject(new Error(`no connect within ${CONNECT_TIMEOUT_MS / 1000} s (${stage})`));
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
      countFrames(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`connect_error: ${describeConnectError(error)}`));
    });
  });
}

/** A namespace's refusal (its `data`: code, retry) or the transport's own cause (an HTTP status, a reset). */
function describeConnectError(error: Error & { data?: unknown }): string {
  if (error.data !== undefined) return `${error.message} ${JSON.stringify(error.data)}`;
  // engine.io-client hands over the WebSocket's error event, or a close's description.
  const { description } = error as { description?: { message?: unknown; error?: { message?: unknown } } };
  const cause = description?.error?.message ?? description?.message ?? description;
  return cause === undefined ? error.message : `${error.message} (${String(cause)})`;
}

async function collect({ revisions, timeoutMs }: Extract<ToReaders, { type: 'collect' }>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!everyoneHasAll(revisions) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  wire.tcpBytes = tcpSockets.reduce((sum, tcp) => sum + tcp.bytesRead, 0) - tcpBytesAtStart;
  const measured = receipts.map((pairs) => Float64Array.from(pairs));
  reply({ type: 'receipts', receipts: measured, disconnected, payloadBytes, wire });
  for (const pairs of receipts) pairs.length = 0;
}

function everyoneHasAll(revisions: readonly number[]): boolean {
  return receipts.every((pairs) => {
    const seen = new Set<number>();
    for (let index = 0; index < pairs.length; index += 2) seen.add(pairs[index]!);
    return revisions.every((revision) => seen.has(revision));
  });
}

/** Counts what arrives on the reader's WebSocket (the `ws` client under engine.io's websocket transport). */
function countFrames(socket: LiveClientSocket): void {
  const ws = (socket.io.engine as unknown as { transport: { ws?: WebSocketLike } }).transport.ws;
  if (!ws) throw new Error('the reader is not on a WebSocket: its frames cannot be counted');
  tcpSockets.push(ws._socket);
  ws.on('message', (data: Buffer | string) => {
    const text = data.toString();
    const bytes = Buffer.byteLength(text);
    const kind =
      /^42\/live,\d*\["([^"]+)"/.exec(text)?.[1] ?? (text.startsWith('43/live,') ? 'ack' : `engine ${text[0]}`);
    const counted = (wire.kinds[kind] ??= { frames: 0, bytes: 0 });
    [wire.frames, wire.bytes, counted.frames, counted.bytes] = [
      wire.frames + 1,
      wire.bytes + bytes,
      counted.frames + 1,
      counted.bytes + bytes,
    ];
  });
}

interface WebSocketLike {
  readonly _socket: RawSocket;
  on(event: 'message', listener: (data: Buffer | string) => void): void;
}
