/**
 * P6, the readers one node holds: connects readers in steps and, at each step, posts one update a
 * second; the figure is the largest step at which the p99 from post to receipt (over every post
 * and reader) stays under 250 ms with every receipt once and in order. The ramp stops after two
 * steps in a row miss it, so that one busy second on a shared machine does not end it. The same ramp against a
 * bare Socket.IO broadcast of the same payload gives the baseline: that server's own count.
 *   npm run bench:readers -- [--quick] [--json <file>] [--steps 2000,4000,…] [--posts 10]
 * Processes: this one posts and measures; a server; one process holding the readers.
 */
import { parseArgs } from 'node:util';
import { FIGURE_OPTIONS, reportFigures } from './support/figure.js';
import {
  cleanUpOnExit,
  clean,
  collect,
  connectReaders,
  cpuBetween,
  cpuNow,
  describeIssues,
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
  options: { ...FIGURE_OPTIONS, steps: { type: 'string' }, posts: { type: 'string' } },
});
const LIMIT_MS = 250;
const INTERVAL_MS = 1000;
const WARMUP = 1;
const SETTLE_MS = 1500;

cleanUpOnExit();
await main().then(
  () => process.exit(0),
  (error: unknown) => (console.error(error), process.exit(1)),
);

async function main(): Promise<void> {
  // From 500: on a machine busy with other work even bare Socket.IO may hold few.
  const fullSteps = '500,1000,2000,3000,4000,6000,8000,10000,12000,14000,16000';
  const steps = (values.steps ?? (values.quick ? '500' : fullSteps)).split(',').map(Number);
  const posts = Number(values.posts ?? (values.quick ? 3 : 10));
  if (![...steps, posts].every((value) => Number.isInteger(value) && value > 0) || !isAscending(steps))
    throw new Error('--steps takes ascending reader counts like 2000,4000; --posts a whole number');
  console.log(`P6: readers held with p99 < ${LIMIT_MS} ms at one post a second, steps ${steps}`);
  const dateline = await ramp('dateline', steps, posts);
  const raw = await ramp('raw', steps, posts);
  reportFigures(values.json, {
    figure: 'P6',
    title: `readers one node holds with push p99 < ${LIMIT_MS} ms at one update a second, vs bare Socket.IO`,
    store: 'sqlite',
    value: dateline.held,
    baseline: raw.held,
    unit: 'readers',
    ratio: raw.held === 0 ? Number.NaN : round(dateline.held / raw.held, 3),
    goal: { op: '>=', ratio: 1, value: 10_000, text: '≥ bare Socket.IO’s count and ≥ 10,000' },
    extra: { steps, posts, ceiling: steps.at(-1), dateline: dateline.levels, raw: raw.levels },
  });
}

/** Adds readers step by step until the p99 reaches the limit (or a receipt goes missing). */
async function ramp(target: Target, steps: number[], posts: number) {
  const server = await startServer(target);
  const readers = startReaders();
  const levels: { readers: number; p99: number; serverMsPerPost: number; issues: string }[] = [];
  let held = 0;
  let connected = 0;
  let next = 0;
  let missedInARow = 0;
  try {
    for (const step of steps) {
      await connectReaders(readers, server, target, step - connected);
      connected = step;
      await sleep(SETTLE_MS);
      const start = await cpuNow(server, readers);
      const sent = await postEvery(target, server.url, next, WARMUP + posts, INTERVAL_MS);
      next += WARMUP + posts;
      const { latencies, issues } = await collect(readers, sent, new Set([...sent.keys()].slice(WARMUP)));
      const cpu = cpuBetween(start, await cpuNow(server, readers), sent.size);
      const p99 = round(percentile(latencies, 0.99), 1);
      levels.push({ readers: step, p99, serverMsPerPost: cpu.serverMsPerPost, issues: describeIssues(issues) });
      console.log(
        `  ${target.padEnd(8)} ${String(step).padStart(6)} readers: p99 ${p99} ms; ${describeIssues(issues)}`,
      );
      if (p99 < LIMIT_MS && clean(issues)) [held, missedInARow] = [step, 0];
      else if (++missedInARow === 2) break;
    }
  } catch (error) {
    // A refused connection is this server's limit too: the count so far stands.
    console.log(`  ${target.padEnd(8)} stopped at ${connected} readers: ${(error as Error).message}`);
  } finally {
    await stop(readers);
    await stop(server);
  }
  return { held, levels };
}

function isAscending(steps: number[]): boolean {
  return steps.every((step, index) => index === 0 || step > steps[index - 1]!);
}
