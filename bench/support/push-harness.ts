/**
 * What the push figures (bench/push.ts: P1 and P5; bench/readers-held.ts: P6) share: a server
 * under test in a process of its own (Dateline, or a bare Socket.IO broadcast of the same payload),
 * a process holding the readers (support/push-readers.ts), the posts, and the latency analysis.
 * Send and receipt times are both performance.timeOrigin + performance.now(), comparable across
 * processes on one machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CpuReply, MemoryReply } from './bench-server.js';
import type { FromReaders, ToReaders } from './push-readers.js';
import { signToken } from '../../test/support/tokens.js';
import { signCheckpoint } from '../../src/signing/checkpoint.js';
import { publishedKeyOf } from '../../src/signing/keyring.js';

export type Target = 'dateline' | 'raw';
export type Server = ChildProcess & { url: string };

const SECRET = 'push-bench-secret-that-is-long-enough-0123456789';
export const STORY = 'kyrgyzstan-2010-04-08';
const CONNECT_BATCH = 200;
/** A post the server does not answer within this fails the run rather than hold it (a dropped connection can). */
const POST_TIMEOUT_MS = 30_000;
const CORES = availableParallelism();
const token = signToken(SECRET, { sub: 'push-bench', name: 'Push Bench', role: 'editor' });
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const cpuMs = ({ cpu }: CpuReply) => (cpu.user + cpu.system) / 1000;

/** Like a report of the reference story; the same text (so the same size) on both sides. */
const bodyOf = (index: number) =>
  'Opposition supporters have taken over the state television building in Bishkek and the interior ministry says the ' +
  'police have been ordered to use live rounds; witnesses report gunfire near the White House and several injured ' +
  `people being carried away (post ${String(index).padStart(4, '0')}).`;

/** Every child's messages, queued from the fork on: IPC may deliver several in one tick. */
const inboxes = new Map<ChildProcess, { queue: unknown[]; wake?: () => void }>();
const tempDirs = new Set<string>();

/** Kills every child and removes every data directory when this process exits, however it exits. */
export function cleanUpOnExit(): void {
  process.on('exit', () => {
    for (const child of inboxes.keys()) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
}

export interface ServerOptions {
  /** Where the server writes a --cpu-prof profile (on SIGTERM). */
  readonly cpuProfDir?: string;
  /** Where the server writes a --heap-prof sampling profile (on SIGTERM). */
  readonly heapProfDir?: string;
  /** Dateline with its default rate limits, rather than with them off. */
  readonly defaultLimits?: boolean;
}

/**
 * The budgets a benchmark turns off (docs/performance.md, "Adding a figure"). Every reader and the
 * poster come from 127.0.0.1, so the caps on open connections go too: by default one address may
 * hold half of MAX_CONNECTIONS (itself at most 10,000), and the connection one over is closed unread.
 */
const LIMITS_OFF = {
  LIVE_REQUESTS_PER_ADDRESS: '0',
  NEWSROOM_JOIN_RATE_LIMIT: '0',
  WRITE_RATE_LIMIT: '0',
  READ_RATE_LIMIT: '0',
  SOCKET_CONNECT_RATE_LIMIT: '0',
  CONNECTIONS_PER_ADDRESS: '0',
  // As many as the open-file limit allows: past it the server refuses connections itself (EMFILE).
  MAX_CONNECTIONS: '1000000',
};

/** Starts the server under test; with --expose-gc so that memory is read after full collections. */
export async function startServer(target: Target, options: ServerOptions = {}): Promise<Server> {
  const execArgv = ['--expose-gc'];
  for (const [flag, dir] of [
    ['--cpu-prof', options.cpuProfDir],
    ['--heap-prof', options.heapProfDir],
  ] as const) {
    if (!dir) continue;
    mkdirSync(dir, { recursive: true });
    execArgv.push(flag, `${flag}-dir=${dir}`);
  }
  let child: ChildProcess;
  if (target === 'raw') child = fork(here('./raw-broadcast-server.js'), [], { execArgv });
  else {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-push-'));
    tempDirs.add(dataDir);
    child = fork(here('./dateline-server.js'), [], {
      execArgv,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        AUTH_SECRET: SECRET,
        // What the server refuses (429s and other 4xx, on HTTP and on the socket handshakes) is logged at warn.
        LOG_LEVEL: 'warn',
        PORT: '0',
        ...(options.defaultLimits ? {} : LIMITS_OFF),
      },
    });
    child.once('exit', () => (rmSync(dataDir, { recursive: true, force: true }), tempDirs.delete(dataDir)));
  }
  // A server's first message is its URL.
  return Object.assign(track(child), { url: String(await request(child)) });
}

/** The process holding the readers (--expose-gc: it collects its connect-phase garbage before the posts). */
export function startReaders(): ChildProcess {
  return track(fork(here('./push-readers.js'), [], { serialization: 'advanced', execArgv: ['--expose-gc'] }));
}

/** A load generator in a process of its own (a file beside this one), driven over IPC with `request`. */
export function startClient(file: string): ChildProcess {
  return track(fork(here(file), [], { serialization: 'advanced' }));
}

/** Opens `count` more readers (each subscribed to the story on Dateline's side). */
export async function connectReaders(readers: ChildProcess, server: Server, target: Target, count: number) {
  const message: ToReaders = {
    type: 'connect',
    url: server.url,
    count,
    batch: CONNECT_BATCH,
    liveBlogId: target === 'dateline' ? STORY : undefined,
  };
  for (
    let reply = await request<FromReaders>(readers, message);
    reply.type !== 'connected';
    reply = await request<FromReaders>(readers)
  ) {
    if (reply.type === 'failed') throw new Error(`readers: ${reply.message}`);
  }
}

export async function memoryOf(server: Server): Promise<NodeJS.MemoryUsage> {
  return (await request<MemoryReply>(server, 'memory')).memory;
}

/** The bare side's checkpoints: signed as Dateline signs each pushed event's (same members, same lengths). */
const checkpointKey = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: publishedKeyOf(publicKey, 'current').kid, privateKey };
})();
const bareEpoch = randomUUID();

/**
 * One post: an update for Dateline; for the raw side, what Dateline pushes for one: the same
 * members, body and lengths, its signed checkpoint and `afterRevision` included.
 */
export async function post(target: Target, url: string, index: number): Promise<{ revision: number; sentAt: number }> {
  const data = { updateId: randomUUID(), kind: 'report', body: bodyOf(index) };
  const revision = 100 + index;
  const at = new Date().toISOString();
  const hash = createHash('sha256').update(data.updateId).digest('hex');
  const head = { storeEpoch: bareEpoch, liveBlogId: STORY, revision, hash, at };
  const checkpoint = signCheckpoint(head, checkpointKey);
  const event = { liveBlogId: STORY, revision, position: revision, type: 'UpdatePosted', at, data };
  const pushed = { ...event, checkpoint, afterRevision: revision - 1 };
  const [path, auth, body] =
    target === 'dateline'
      ? [`/api/live-blogs/${STORY}/updates`, { Authorization: `Bearer ${token}` }, { kind: 'report', body: data.body }]
      : ['/broadcast', {}, pushed];
  const init = {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  };
  const sentAt = now();
  const response = await fetch(url + path, init).catch((error: unknown) => {
    // fetch's own message is "fetch failed"; what failed (a reset, a closed socket, the timeout) is its cause.
    const failure = error instanceof Error ? error : new Error(String(error));
    const cause = failure.cause instanceof Error ? `: ${failure.cause.message}` : '';
    const detail = `${failure.message}${cause}`;
    throw new Error(`${target} post ${index} got no answer (${detail}); was its connection refused or closed?`);
  });
  if (response.status !== (target === 'dateline' ? 201 : 204))
    throw new Error(`${target} post ${index}: ${response.status} ${await response.text()}`);
  if (target === 'raw') return { revision, sentAt };
  return { revision: ((await response.json()) as { revision: number }).revision, sentAt };
}

/** Posts `count` times, one every `intervalMs`; returns each post's revision and send time. */
export async function postEvery(target: Target, url: string, from: number, count: number, intervalMs: number) {
  const sent = new Map<number, number>();
  for (let index = from; index < from + count; index++) {
    const slot = performance.now();
    const { revision, sentAt } = await post(target, url, index);
    sent.set(revision, sentAt);
    await sleep(slot + intervalMs - performance.now());
  }
  return sent;
}

export type Issues = Record<'missing' | 'duplicates' | 'unexpected' | 'outOfOrder' | 'disconnected', number>;

/** Waits until every reader holds these revisions (or a minute), then empties the readers' receipts. */
export async function collect(readers: ChildProcess, sent: Map<number, number>, timed: Set<number>) {
  const reply = await request<FromReaders>(readers, {
    type: 'collect',
    revisions: [...sent.keys()],
    timeoutMs: 60_000,
  });
  if (reply.type !== 'receipts') throw new Error(`readers: ${reply.type === 'failed' ? reply.message : reply.type}`);
  const { latencies, lastReader, issues } = analyse(reply.receipts, sent, timed);
  return {
    latencies,
    lastReader,
    issues: { ...issues, disconnected: reply.disconnected },
    payloadBytes: reply.payloadBytes,
    wire: reply.wire,
  };
}

/**
 * Latencies of the timed posts' first receipts at every reader, and per post the latency of its
 * last reader; every receipt beyond the first is a duplicate.
 */
function analyse(receipts: Float64Array[], sent: Map<number, number>, timed: Set<number>) {
  const latencies: number[] = [];
  const last = new Map<number, number>();
  const issues = { missing: 0, duplicates: 0, unexpected: 0, outOfOrder: 0 };
  for (const pairs of receipts) {
    const first = new Map<number, number>();
    for (let index = 0; index < pairs.length; index += 2) {
      const revision = pairs[index]!;
      if (index > 0 && revision < pairs[index - 2]!) issues.outOfOrder++;
      if (!sent.has(revision)) issues.unexpected++;
      else if (first.has(revision)) issues.duplicates++;
      else first.set(revision, pairs[index + 1]!);
    }
    for (const [revision, sentAt] of sent) {
      const at = first.get(revision);
      if (at === undefined) issues.missing++;
      else if (timed.has(revision)) {
        latencies.push(at - sentAt);
        last.set(revision, Math.max(last.get(revision) ?? 0, at - sentAt));
      }
    }
  }
  return {
    latencies: Float64Array.from(latencies).sort(),
    lastReader: Float64Array.from(last.values()).sort(),
    issues,
  };
}

export function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export const clean = (issues: Issues) =>
  Object.entries(issues).every(([name, count]) => name === 'disconnected' || count === 0);

export function describeIssues(issues: Issues): string {
  const found = Object.entries(issues).filter(([, count]) => count > 0);
  return found.map(([name, count]) => `${count} ${name}`).join(', ') || 'every receipt once, in order';
}

/** CPU ms used so far by the server, the readers, this process and (on Linux) the whole machine. */
export async function cpuNow(server: ChildProcess, readers: ChildProcess) {
  const [serverCpu, readersCpu] = [cpuMs(await request(server, 'cpu')), cpuMs(await request(readers, 'cpu'))];
  let machine: number | undefined;
  if (existsSync('/proc/stat')) {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    machine = (user! + nice! + system! + irq! + softirq! + steal!) * 10; // USER_HZ is 100
  }
  return { at: now(), server: serverCpu, readers: readersCpu, own: cpuMs({ cpu: process.cpuUsage() }), machine };
}
export type CpuSample = Awaited<ReturnType<typeof cpuNow>>;

/** CPU ms per post of the server and the readers, and the share of the machine other processes took (the noise). */
export function cpuBetween(start: CpuSample, end: CpuSample, posts: number) {
  const used = (key: 'server' | 'readers' | 'own') => end[key] - start[key];
  const others =
    end.machine === undefined || start.machine === undefined
      ? undefined
      : end.machine - start.machine - used('server') - used('readers') - used('own');
  return {
    serverMsPerPost: round(used('server') / posts),
    readersMsPerPost: round(used('readers') / posts),
    otherShare: others === undefined ? undefined : round(Math.max(0, others) / ((end.at - start.at) * CORES)),
  };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function track(child: ChildProcess): ChildProcess {
  const inbox: { queue: unknown[]; wake?: () => void } = { queue: [] };
  inboxes.set(child, inbox);
  child.on('message', (message) => (inbox.queue.push(message), inbox.wake?.()));
  child.once('exit', () => (inboxes.delete(child), inbox.wake?.()));
  return child;
}

/** Sends `message` (if any) and resolves with the child's next message; rejects once it has exited. */
export async function request<T = CpuReply>(child: ChildProcess, message?: object | 'memory' | 'cpu'): Promise<T> {
  if (message !== undefined) child.send(message);
  const inbox = inboxes.get(child);
  while (inbox && inbox.queue.length === 0 && inboxes.has(child))
    await new Promise<void>((resolve) => (inbox.wake = resolve));
  if (!inbox?.queue.length) throw new Error(`a child process exited early (${child.exitCode ?? child.signalCode})`);
  return inbox.queue.shift() as T;
}

/** SIGTERM lets a server close cleanly (and write its profiles); SIGKILL if it hangs. */
export async function stop(child: ChildProcess): Promise<void> {
  if (!inboxes.has(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
