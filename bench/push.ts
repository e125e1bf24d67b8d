/**
 * P1, push latency at scale: from an editor's HTTP append to its receipt at each of N readers
 * (p99 over every post and reader), against a bare Socket.IO broadcast of the same payload to the
 * same N clients (no Nest, no store, one HTTP request too). P5, the server memory each connected,
 * subscribed reader costs, against the bare broadcast server's, at the largest N.
 *   npm run bench:push -- [--quick] [--json <file>] [--readers 1000,5000,10000] [--posts 30]
 *     [--interval-ms 1000] [--warmup 3] [--cpu-prof-dir <dir>] [--heap-prof-dir <dir>]
 * Processes: this one posts and measures; a server (Dateline, or the bare broadcast); one process
 * holding the N readers. Prints a line per N, and the figures as JSON (bench/support/figure.ts).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FIGURE_OPTIONS, type FigureResult, reportFigures } from './support/figure.js';
import type { Wire } from './support/push-readers.js';
import {
  cleanUpOnExit,
  clean,
  collect,
  connectReaders,
  cpuBetween,
  cpuNow,
  describeIssues,
  memoryOf,
  percentile,
  postEvery,
  round,
  sleep,
  startReaders,
  startServer,
  stop,
  type Target,
} from './support/push-harness.js';

const { values } = parseArgs({
  options: {
    ...FIGURE_OPTIONS,
    readers: { type: 'string' },
    posts: { type: 'string' },
    // A post a second: more than a busy live blog posts. Posting faster than either server can fan a
    // post out to 10,000 readers here (100–300 ms of CPU each) would measure the queue, not the push.
    'interval-ms': { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '3' },
    'cpu-prof-dir': { type: 'string' },
    'heap-prof-dir': { type: 'string' },
  },
});
/** ReaderCounts pushes a blog's audience at most once a second: let the last count go out first. */
const SETTLE_MS = 1500;

type Run = Awaited<ReturnType<typeof measure>>;

cleanUpOnExit();
await main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => (console.error(error), process.exit(1)),
);

async function main(): Promise<boolean> {
  const counts = (values.readers ?? (values.quick ? '1000' : '1000,5000,10000')).split(',').map(Number);
  const plan = {
    posts: Number(values.posts ?? (values.quick ? 10 : 30)),
    intervalMs: Number(values['interval-ms']),
    warmup: Number(values.warmup),
  };
  if (
    ![...counts, ...Object.values(plan)].every((value) => Number.isInteger(value) && value >= 0) ||
    counts.includes(0)
  )
    throw new Error('--readers takes counts like 1000,5000; --posts, --interval-ms and --warmup take integers');
  console.log(
    `P1/P5: ${plan.posts} timed posts (after ${plan.warmup}) every ${plan.intervalMs} ms at ${counts} readers`,
  );
  const figures: FigureResult[] = [];
  let ok = true;
  for (const [index, n] of counts.entries()) {
    // Alternating which side goes first keeps a warming (or tiring) machine from favouring one.
    const order: Target[] = index % 2 === 0 ? ['dateline', 'raw'] : ['raw', 'dateline'];
    const runs = {} as Record<Target, Run>;
    for (const target of order) runs[target] = await measure(target, n, plan);
    const { dateline, raw } = runs;
    for (const target of order) {
      const run = runs[target];
      ok &&= clean(run.issues);
      console.log(
        `  ${String(n).padStart(5)} ${target.padEnd(8)} p50/p99 ${run.p50}/${run.p99} ms; heap/rss per reader ` +
          `${run.perReader.heap}/${run.perReader.rss} B (heap reserved ${run.perReader.heapTotal}, ` +
          `outside it ${run.perReader.external} B); CPU per post: server ${run.cpu.serverMsPerPost} ms, ` +
          `readers ${run.cpu.readersMsPerPost} ms; others took ${Math.round((run.cpu.otherShare ?? 0) * 100)}% ` +
          `of the machine; ${describeIssues(run.issues)}\n        per reader per post: ${run.wire.frames} frames, ` +
          `${run.wire.bytes} B of payload, ${run.wire.tcpBytes} B over TCP (${run.wire.kinds})`,
      );
    }
    figures.push({
      figure: 'P1',
      title: `post → receipt at each of ${n.toLocaleString('en')} readers, p99, vs a bare Socket.IO broadcast`,
      store: 'sqlite',
      value: dateline.p99,
      baseline: raw.p99,
      unit: 'ms',
      ratio: round(dateline.p99 / raw.p99, 3),
      goal: { op: '<=', ratio: 1.15, text: '≤ 1.15× bare Socket.IO' },
      extra: { readers: n, posts: plan.posts, dateline: details(dateline), raw: details(raw) },
    });
    if (index === counts.length - 1) figures.push(...memoryFigures(n, dateline, raw));
  }
  if (!ok) console.error('some receipts were missing, duplicated, unexpected or out of order');
  reportFigures(values.json, figures);
  return ok;
}

async function measure(target: Target, n: number, plan: { posts: number; intervalMs: number; warmup: number }) {
  const profile = (dir: string | undefined) => dir && join(dir, `${target}-${n}`);
  const server = await startServer(target, {
    cpuProfDir: profile(values['cpu-prof-dir']),
    heapProfDir: profile(values['heap-prof-dir']),
  });
  const before = await memoryOf(server);
  const readers = startReaders();
  await connectReaders(readers, server, target, n);
  await sleep(SETTLE_MS);
  const after = await memoryOf(server);

  const start = await cpuNow(server, readers);
  const sent = await postEvery(target, server.url, 0, plan.warmup + plan.posts, plan.intervalMs);
  const timed = new Set([...sent.keys()].slice(plan.warmup));
  const { latencies, lastReader, issues, payloadBytes, wire } = await collect(readers, sent, timed);
  const end = await cpuNow(server, readers);
  await stop(readers);
  await stop(server);
  return {
    p50: round(percentile(latencies, 0.5), 1),
    p99: round(percentile(latencies, 0.99), 1),
    lastReader: { p50: round(percentile(lastReader, 0.5), 1), max: round(percentile(lastReader, 1), 1) },
    issues,
    payloadBytes,
    wire: perReaderPerPost(wire, n, sent.size),
    perReader: {
      heap: Math.round((after.heapUsed - before.heapUsed) / n),
      rss: Math.round((after.rss - before.rss) / n),
      // What the RSS holds besides the live heap: the heap's reserved pages, and memory outside it.
      heapTotal: Math.round((after.heapTotal - before.heapTotal) / n),
      external: Math.round((after.external - before.external) / n),
    },
    cpu: cpuBetween(start, end, sent.size),
  };
}

function details({ p50, p99, lastReader, cpu, issues, payloadBytes, wire }: Run) {
  return { p50, p99, lastReader, cpu, issues, payloadBytes, wire };
}

/** Frames and bytes each reader received per post, in all and by kind (`event`, `readers`, pings…). */
function perReaderPerPost(wire: Wire, readers: number, posts: number) {
  const per = (count: number) => round(count / readers / posts, 3);
  const kinds = Object.entries(wire.kinds).map(([kind, { frames, bytes }]) => `${kind} ${per(frames)}/${per(bytes)} B`);
  return { frames: per(wire.frames), bytes: per(wire.bytes), tcpBytes: per(wire.tcpBytes), kinds: kinds.join(', ') };
}

function memoryFigures(n: number, dateline: Run, raw: Run): FigureResult[] {
  const readers = `${n.toLocaleString('en')} readers`;
  const memory = (key: 'heap' | 'rss', goal: FigureResult['goal']): FigureResult => ({
    figure: 'P5',
    title: `server ${key === 'heap' ? 'heap' : 'RSS'} per connected, subscribed reader (${readers}) vs bare Socket.IO`,
    store: 'sqlite',
    value: dateline.perReader[key],
    baseline: raw.perReader[key],
    unit: 'B',
    ratio: round(dateline.perReader[key] / raw.perReader[key], 3),
    goal,
    extra: { readers: n, dateline: dateline.perReader, raw: raw.perReader },
  });
  return [
    memory('heap', { op: '<=', ratio: 1.2, value: 12 * 1024, text: '≤ 1.2× bare Socket.IO and ≤ 12 KB' }),
    memory('rss', { op: '<=', ratio: 1.2, text: '≤ 1.2× bare Socket.IO' }),
  ];
}
