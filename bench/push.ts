/**
 * Push latency at scale: from an editor's HTTP append to its receipt at every one of N readers,
 * against the ceiling of a raw Socket.IO broadcast of the same payload to the same N clients
 * (no Nest, no store, one HTTP request too), and the server memory each connected reader costs.
 *   npm run bench:push -- [--readers 1000,5000] [--posts 30] [--interval-ms 200] [--repeat 1] [--warmup 3] [--cpu-prof-dir <dir>]
 * Processes: this one posts and measures; a server (Dateline, or the raw ceiling); one process with
 * the N readers (support/push-readers.ts). Send and receipt times are both
 * performance.timeOrigin + performance.now(), comparable across processes on one machine.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import cliProgress from 'cli-progress';
import type { CpuReply, MemoryReply } from './support/bench-server.js';
import type { FromReaders, ToReaders } from './support/push-readers.js';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '1000,5000' },
    posts: { type: 'string', default: '30' },
    'interval-ms': { type: 'string', default: '200' },
    repeat: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '3' },
    'cpu-prof-dir': { type: 'string' },
    server: { type: 'boolean', default: false },
  },
});
const SECRET = 'push-bench-secret-that-is-long-enough-0123456789';
const STORY = 'kyrgyzstan-2010-04-08';
const BATCH = 200;
/** ReaderCounts pushes a blog's audience at most once a second: let the last count go out first. */
const SETTLE_MS = 1500;
const COLLECT_TIMEOUT_MS = 60_000;
const CORES = availableParallelism();
const token = new JwtService({ secret: SECRET }).sign({ sub: 'push-bench', name: 'Push Bench', role: 'editor' });
/** Like a report of the reference story; the same text (so the same size) on both sides. */
const bodyOf = (index: number) =>
  'Opposition supporters have taken over the state television building in Bishkek and the interior ministry says the ' +
  'police have been ordered to use live rounds; witnesses report gunfire near the White House and several injured ' +
  `people being carried away (post ${String(index).padStart(4, '0')}).`;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const cpuMs = ({ cpu }: CpuReply) => (cpu.user + cpu.system) / 1000;

type Target = 'dateline' | 'raw';
interface Run {
  readonly latencies: Float64Array;
  readonly issues: Record<'missing' | 'duplicates' | 'unexpected' | 'outOfOrder' | 'disconnected', number>;
  readonly payloadBytes: number;
  readonly perReader: { heap: number; rss: number };
  /** ms per post while posting; otherShare is the machine's CPU that other processes took (the noise). */
  readonly cpu: { server: number; readers: number; otherShare?: number };
}

/** Every child's messages, queued from the fork on: IPC may deliver several in one tick. */
const inboxes = new Map<ChildProcess, { queue: unknown[]; wake?: () => void }>();
const tempDirs = new Set<string>();

if (values.server) {
  const { serveForBench } = await import('./support/bench-server.js');
  await serveForBench('fastify');
} else {
  process.on('exit', () => {
    for (const child of inboxes.keys()) child.kill('SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  await main().then(
    (clean) => process.exit(clean ? 0 : 1),
    (error: unknown) => (console.error(error), process.exit(1)),
  );
}

async function main(): Promise<boolean> {
  const [posts, intervalMs, repeat, warmup] = [values.posts, values['interval-ms'], values.repeat, values.warmup].map(
    Number,
  ) as [number, number, number, number];
  const counts = values.readers.split(',').map(Number);
  if (
    ![...counts, posts, intervalMs, repeat, warmup].every((value) => Number.isInteger(value) && value >= 0) ||
    counts.includes(0)
  ) {
    throw new Error(
      '--readers takes counts like 1000,5000; --posts, --interval-ms, --repeat and --warmup take integers',
    );
  }
  console.log(`node ${process.version}; ${CORES} cores, shared by the server, the readers and this process`);
  console.log(
    `${posts} timed posts (after ${warmup} warm-up) every ${intervalMs} ms; latency = HTTP request sent -> event received, every (post, reader)\n`,
  );
  console.log(
    'N     run | dateline p50/p99/max ms | raw p50/p99/max ms    | ratio p50  p99 | bytes/reader heap, rss: dateline | raw',
  );
  let clean = true;
  for (const n of counts) {
    for (let round = 1; round <= repeat; round++) {
      // Alternating which side goes first keeps a warming (or tiring) machine from favouring one.
      const order: Target[] = round % 2 === 1 ? ['dateline', 'raw'] : ['raw', 'dateline'];
      const runs = {} as Record<Target, Run>;
      for (const target of order) runs[target] = await measure(target, n, { posts, intervalMs, warmup, round });
      const { dateline, raw } = runs;
      const ratios = [0.5, 0.99].map((q) =>
        (percentile(dateline.latencies, q) / percentile(raw.latencies, q)).toFixed(2).padStart(4),
      );
      const memory = ({ perReader }: Run) =>
        `${String(perReader.heap).padStart(6)} ${String(perReader.rss).padStart(6)}`;
      console.log(
        `${String(n).padEnd(5)} ${String(round).padStart(3)} | ${summary(dateline).padEnd(23)} | ${summary(raw).padEnd(21)} | ${ratios.join('  ')}     | ${' '.repeat(17)}${memory(dateline)} | ${memory(raw)}`,
      );
      for (const target of order) console.log(`${' '.repeat(10)}${target.padEnd(9)} ${details(runs[target])}`);
      for (const { issues } of [dateline, raw])
        clean &&= Object.entries(issues).every(([name, count]) => name === 'disconnected' || count === 0);
    }
  }
  if (!clean) console.error('\nsome receipts were missing, duplicated, unexpected or out of order');
  return clean;
}

async function measure(
  target: Target,
  n: number,
  plan: { posts: number; intervalMs: number; warmup: number; round: number },
): Promise<Run> {
  const server = await startServer(target, plan.round, n);
  const before = (await request<MemoryReply>(server, 'memory')).memory;
  // --expose-gc: the readers collect their connect-phase garbage (the acks) before the posts start.
  const readers = track(
    fork(here('./support/push-readers.js'), [], { serialization: 'advanced', execArgv: ['--expose-gc'] }),
  );
  await connectReaders(
    readers,
    { type: 'connect', url: server.url, count: n, batch: BATCH, liveBlogId: target === 'dateline' ? STORY : undefined },
    target,
  );
  await sleep(SETTLE_MS);
  const after = (await request<MemoryReply>(server, 'memory')).memory;

  const start = await cpuNow(server, readers);
  const sent = new Map<number, number>();
  for (let index = 0; index < plan.warmup + plan.posts; index++) {
    const slot = performance.now();
    const { revision, sentAt } = await post(target, server.url, index);
    sent.set(revision, sentAt);
    await sleep(slot + plan.intervalMs - performance.now());
  }
  const reply = await request<FromReaders>(readers, {
    type: 'collect',
    revisions: [...sent.keys()],
    timeoutMs: COLLECT_TIMEOUT_MS,
  });
  if (reply.type !== 'receipts') throw new Error(`readers: ${reply.type === 'failed' ? reply.message : reply.type}`);
  const end = await cpuNow(server, readers);
  await stop(readers);
  await stop(server);

  const { latencies, issues } = analyse(reply.receipts, sent, new Set([...sent.keys()].slice(plan.warmup)));
  const used = (key: 'server' | 'readers' | 'own') => end[key] - start[key];
  const others =
    end.machine === undefined
      ? undefined
      : end.machine - start.machine! - used('server') - used('readers') - used('own');
  const cpu = {
    server: used('server') / sent.size,
    readers: used('readers') / sent.size,
    otherShare: others === undefined ? undefined : Math.max(0, others) / ((end.at - start.at) * CORES),
  };
  const perReader = {
    heap: Math.round((after.heapUsed - before.heapUsed) / n),
    rss: Math.round((after.rss - before.rss) / n),
  };
  return {
    latencies,
    issues: { ...issues, disconnected: reply.disconnected },
    payloadBytes: reply.payloadBytes,
    perReader,
    cpu,
  };
}

type Server = ChildProcess & { url: string };

async function startServer(target: Target, round: number, n: number): Promise<Server> {
  const profileDir = values['cpu-prof-dir'] && join(values['cpu-prof-dir'], `${target}-${n}-${round}`);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  // --expose-gc: memory is read after full collections, so it is what the readers retain.
  const execArgv = ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  let child: ChildProcess;
  if (target === 'raw') child = fork(here('./support/raw-broadcast-server.js'), [], { execArgv });
  else {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-push-'));
    tempDirs.add(dataDir);
    child = fork(process.argv[1]!, ['--server'], {
      execArgv,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        AUTH_SECRET: SECRET,
        LOG_LEVEL: 'silent',
        PORT: '0',
        LIVE_REQUESTS_PER_ADDRESS: '0',
      },
    });
    child.once('exit', () => (rmSync(dataDir, { recursive: true, force: true }), tempDirs.delete(dataDir)));
  }
  // A server's first message is its URL.
  return Object.assign(track(child), { url: String(await request(child)) });
}

/** One post: an update for Dateline; for the raw side, what Dateline pushes for one (same shape, body, id length). */
async function post(target: Target, url: string, index: number): Promise<{ revision: number; sentAt: number }> {
  const data = { updateId: randomUUID(), kind: 'report', body: bodyOf(index) };
  const event = {
    liveBlogId: STORY,
    revision: 100 + index,
    position: 100 + index,
    type: 'UpdatePosted',
    at: new Date().toISOString(),
    data,
  };
  const [path, auth, body] =
    target === 'dateline'
      ? [`/api/live-blogs/${STORY}/updates`, { Authorization: `Bearer ${token}` }, { kind: 'report', body: data.body }]
      : ['/broadcast', {}, event];
  const request = {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
  const sentAt = now();
  const response = await fetch(url + path, request);
  if (response.status !== (target === 'dateline' ? 201 : 204))
    throw new Error(`${target} post ${index}: ${response.status} ${await response.text()}`);
  return {
    revision: target === 'dateline' ? ((await response.json()) as { revision: number }).revision : event.revision,
    sentAt,
  };
}

/** Latencies of the timed posts' first receipts; every receipt beyond the first is a duplicate. */
function analyse(receipts: Float64Array[], sent: Map<number, number>, timed: Set<number>) {
  const latencies: number[] = [];
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
      else if (timed.has(revision)) latencies.push(at - sentAt);
    }
  }
  return { latencies: Float64Array.from(latencies).sort(), issues };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
function summary({ latencies }: Run): string {
  return [0.5, 0.99, 1].map((q) => percentile(latencies, q).toFixed(1)).join(' / ');
}
function details({ cpu, issues, payloadBytes }: Run): string {
  const found = Object.entries(issues)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`);
  const others = cpu.otherShare === undefined ? 'n/a' : `${(cpu.otherShare * 100).toFixed(0)}% of the machine`;
  return `CPU per post: server ${cpu.server.toFixed(1)} ms, readers ${cpu.readers.toFixed(1)} ms; other processes ${others}; payload ${payloadBytes} B; ${found.join(', ') || 'every receipt once, in order'}`;
}

/** CPU ms used so far by the server, the readers, this process and (on Linux) the whole machine. */
async function cpuNow(server: ChildProcess, readers: ChildProcess) {
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

function track(child: ChildProcess): ChildProcess {
  const inbox: { queue: unknown[]; wake?: () => void } = { queue: [] };
  inboxes.set(child, inbox);
  child.on('message', (message) => (inbox.queue.push(message), inbox.wake?.()));
  child.once('exit', () => (inboxes.delete(child), inbox.wake?.()));
  return child;
}

/** Sends `message` (if any) and resolves with the child's next message; rejects once it has exited. */
async function request<T = CpuReply>(child: ChildProcess, message?: ToReaders | 'memory' | 'cpu'): Promise<T> {
  if (message !== undefined) child.send(message);
  const inbox = inboxes.get(child);
  while (inbox && inbox.queue.length === 0 && inboxes.has(child))
    await new Promise<void>((resolve) => (inbox.wake = resolve));
  if (!inbox?.queue.length) throw new Error(`a child process exited early (${child.exitCode ?? child.signalCode})`);
  return inbox.queue.shift() as T;
}

async function connectReaders(
  readers: ChildProcess,
  message: Extract<ToReaders, { type: 'connect' }>,
  target: Target,
): Promise<void> {
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar({
        format: `  ${target.padEnd(8)} {bar} {value}/{total} readers`,
        clearOnComplete: true,
      })
    : undefined;
  bar?.start(message.count, 0);
  try {
    for (
      let reply = await request<FromReaders>(readers, message);
      reply.type !== 'connected';
      reply = await request<FromReaders>(readers)
    ) {
      if (reply.type === 'failed') throw new Error(`readers: ${reply.message}`);
      if (reply.type === 'progress') bar?.update(reply.connected);
    }
  } finally {
    bar?.stop();
  }
}

/** SIGTERM lets a server close cleanly (and write its --cpu-prof profile); SIGKILL if it hangs. */
async function stop(child: ChildProcess): Promise<void> {
  if (!inboxes.has(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
