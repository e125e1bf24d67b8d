/**
 * Auditor work on a long story, and /health meanwhile (issue 23, item 4: at 3,000 and at 100,000
 * updates, /health answers within 100 ms while an as-of page or an evidence bundle is made).
 * For each size: a story of that many updates written into an SQLite file with its real hash chain
 * (test/support/grown-live-blogs.ts), a node started on it (`npm start`'s dist/main.js, a process of
 * its own), then one at a time: the as-of HTML page (the reader's at the head; a past state folded
 * from the first event; a deep page of the record) and the evidence bundle of the whole story, each
 * read as it arrives (not held) while /health/live and /health are asked every 5 ms. Prints, for
 * each, how long it took, the slowest health answer, and the node's RSS before and at its peak;
 * first the same polling for 2 s with nothing being made, for how loaded the machine is.
 *   node dist-bench/bench/audit-load.js [--quick] [--json file] [--updates 3000,100000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { growLiveBlogs } from '../test/support/grown-live-blogs.js';
import { signToken } from '../test/support/tokens.js';
import { FIGURE_OPTIONS, type FigureResult, reportFigures } from './support/figure.js';
import { round } from './support/measures.js';
import { startNode } from './support/node-server.js';

const { values } = parseArgs({ options: { ...FIGURE_OPTIONS, updates: { type: 'string' } } });
const SIZES = (values.updates ?? (values.quick ? '3000' : '3000,100000')).split(',').map(Number);
const HEALTH_GOAL_MS = 100;
const BLOG = 'audit-load-bench';
const SECRET = 'audit-load-bench-secret-that-is-long-enough-0123456789';
const NO_LIMITS = { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', SOCKET_CONNECT_RATE_LIMIT: '0' };

interface Measured {
  readonly job: string;
  readonly ms: number;
  readonly bytes: number;
  readonly worstHealthMs: number;
  readonly polls: number;
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
}

const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-audit-'));
const figures: FigureResult[] = [];
try {
  const load = loadavg()[0]!;
  for (const updates of SIZES) {
    const measured = await measureStory(updates);
    for (const line of measured) {
      console.error(
        `${updates} updates, ${line.job}: ${line.ms.toFixed(0)} ms, ${(line.bytes / 1024).toFixed(0)} KB; ` +
          `worst health ${line.worstHealthMs.toFixed(1)} ms over ${line.polls} polls; ` +
          `RSS ${line.rssBeforeMb.toFixed(0)} MB before, ${line.rssPeakMb.toFixed(0)} MB at most`,
      );
    }
    const worst = Math.max(...measured.slice(1).map((line) => line.worstHealthMs));
    figures.push({
      figure: 'R4',
      title: `slowest /health while as-of pages and an evidence bundle are made, ${updates} updates`,
      store: 'sqlite',
      value: round(worst, 1),
      baseline: HEALTH_GOAL_MS,
      unit: 'ms',
      ratio: round(worst / HEALTH_GOAL_MS),
      goal: { op: '<=', ratio: 1, value: HEALTH_GOAL_MS, text: `<= ${HEALTH_GOAL_MS} ms at ${updates} updates` },
      extra: { idleWorstHealthMs: round(measured[0]!.worstHealthMs, 1), jobs: measured.slice(1), load: round(load) },
    });
  }
  reportFigures(values.json, figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function measureStory(updates: number): Promise<Measured[]> {
  const path = join(dir, `story-${updates}.db`);
  const store = await openSqliteEventStore(path);
  const started = performance.now();
  await growLiveBlogs(store, [BLOG], updates);
  await store.close();
  console.error(`wrote ${updates} updates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const port = 4200 + Math.floor(Math.random() * 300);
  const env = {
    ...NO_LIMITS,
    EVENT_STORE: `sqlite:${path}`,
    DATA_DIR: join(dir, `data-${updates}`),
    AUTH_SECRET: SECRET,
  };
  const node = await startNode(port, env);
  try {
    const token = signToken(SECRET, { sub: 'bench-auditor', name: 'Bench Auditor', role: 'auditor' });
    const middle = Math.floor(updates / 2);
    const jobs: [string, string][] = [
      ['as-of page, reader view at the head', `/audit/${BLOG}/as-of`],
      ['as-of page, past state folded from the first event', `/audit/${BLOG}/as-of?revision=${middle}`],
      ['as-of page, record view, a page halfway down', `/audit/${BLOG}/as-of?view=record&beforeRevision=${middle}`],
      ['evidence bundle of the whole story', `/api/live-blogs/${BLOG}/evidence`],
    ];
    // The same polling with nothing being made, for how slow /health is on this machine at this moment.
    const measured: Measured[] = [{ job: 'nothing (idle, 2 s)', ...(await whilePolled(node, null, token)) }];
    for (const [job, route] of jobs) measured.push({ job, ...(await whilePolled(node, `${node.url}${route}`, token)) });
    return measured;
  } finally {
    await node.stop();
  }
}

/** Reads the answer as it arrives, counting its bytes, while the node's health is asked every 5 ms (null: waits 2 s). */
async function whilePolled(node: { url: string; pid: number }, url: string | null, token: string) {
  const rssBeforeMb = rssOf(node.pid);
  let rssPeakMb = rssBeforeMb;
  let worstHealthMs = 0;
  let polls = 0;
  let running = true;
  const poller = (async () => {
    for (let round = 0; running; round++) {
      const started = performance.now();
      const response = await fetch(`${node.url}${round % 2 === 0 ? '/health/live' : '/health'}`);
      await response.arrayBuffer();
      worstHealthMs = Math.max(worstHealthMs, performance.now() - started);
      polls++;
      rssPeakMb = Math.max(rssPeakMb, rssOf(node.pid));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  let bytes = 0;
  if (url === null) await new Promise((resolve) => setTimeout(resolve, 2000));
  else {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
  }
  const ms = performance.now() - started;
  running = false;
  await poller;
  return { ms, bytes, worstHealthMs, polls, rssBeforeMb, rssPeakMb };
}

/** The process's resident set in MB (Linux: /proc/<pid>/status). */
function rssOf(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}
