/**
 * P2: appends/s through HTTP, `editors` concurrent editors (one connection and one story each),
 * durable, against the store's raw single-row durable commits (one writer) in the same run; on a
 * new story and on stories already `story` updates long (flat as a story grows). Dateline
 * (`npm start`'s dist/main.js) runs in a process of its own; the raw commits and autocannon run
 * here, in turns with the HTTP load, so that a busy moment of the shared machine weighs on all.
 *   node dist-bench/bench/append.js [--quick] [--json file] [--store sqlite|postgres|both]
 *     [--seconds 5] [--rounds 3] [--editors 8] [--story 10000] [--feed]
 * --quick: SQLite only, stories 2,000 updates long. --feed also measures the feed latency from a post on node A to a reader on node B (a second
 * process on the same store). PostgreSQL: BENCH_POSTGRES_URL, default this machine's server; the
 * run uses a new schema and drops it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import type { EventStore } from '../src/event-store/event-store.js';
import { openPostgresEventStore } from '../src/event-store/postgres/postgres-event-store.js';
import { openSqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { feedLatency, type FeedLatency } from './support/feed-latency.js';
import { FIGURE_OPTIONS, reportFigures, type FigureResult } from './support/figure.js';
import { median, round } from './support/measures.js';
import { growLiveBlogs } from '../test/support/grown-live-blogs.js';
import { startNode, type NodeServer } from './support/node-server.js';
import { postgresRawRate, sqliteRawRate } from './support/raw-commits.js';
import { signToken } from '../test/support/tokens.js';

const { values } = parseArgs({
  options: {
    ...FIGURE_OPTIONS,
    store: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    editors: { type: 'string', default: '8' },
    story: { type: 'string' },
    feed: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds ?? (values.quick ? 2 : 5));
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const editors = Number(values.editors);
// --quick is a smoke run for `npm run bench -- --quick` (under two minutes with every figure): one store, shorter stories.
const storyLength = Number(values.story ?? (values.quick ? 2000 : 10000));
const SECRET = 'append-bench-secret-that-is-long-enough-0123456789';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NO_LIMITS = { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', SOCKET_CONNECT_RATE_LIMIT: '0' };
const token = signToken(SECRET, { sub: 'append-bench', name: 'Append Bench', role: 'editor' });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const basePort = 3600 + Math.floor(Math.random() * 300);

/** One store under test: how to open it here, the server's settings for it, and its raw commit rate. */
interface StoreUnderTest {
  readonly name: 'sqlite' | 'postgres';
  readonly describe: string;
  readonly env: NodeJS.ProcessEnv;
  readonly open: () => Promise<EventStore>;
  readonly rawRate: (seconds: number) => Promise<number>;
  readonly dispose: () => Promise<void>;
}

const storeOption = values.store ?? (values.quick ? 'sqlite' : 'both');
const stores = storeOption === 'both' ? ['sqlite', 'postgres'] : [storeOption];
if (!stores.every((store) => store === 'sqlite' || store === 'postgres')) {
  console.error('usage: append.js [--quick] [--json file] [--store sqlite|postgres|both] [--seconds n] [--rounds n]');
  process.exit(2);
}
const figures: FigureResult[] = [];
for (const name of stores) figures.push(...(await measure(name === 'sqlite' ? sqliteStore() : await postgresStore())));
reportFigures(values.json, figures);

async function measure(store: StoreUnderTest): Promise<FigureResult[]> {
  const nodes: NodeServer[] = [];
  try {
    const load = loadavg()[0]!;
    const fresh = Array.from({ length: editors }, (_, index) => `bench-new-${index}`);
    const grown = Array.from({ length: editors }, (_, index) => `bench-grown-${index}`);
    const started = performance.now();
    const writer = await store.open();
    await growLiveBlogs(writer, fresh, 0);
    await growLiveBlogs(writer, grown, storyLength);
    await writer.close();
    console.error(`${store.name}: grew ${editors} stories to ${storyLength} updates in ${elapsed(started)} s`);
    nodes.push(await startNode(basePort, { ...store.env, ...NO_LIMITS }));
    const url = nodes[0]!.url;
    const runs = { raw: [] as number[], fresh: [] as Appends[], grown: [] as Appends[] };
    // Warms the node up, and loads each story's write state once: the first post on a long story
    // after a start reads and folds its whole stream, once; the figure is the steady rate after that.
    const server = nodes[0]!.pid;
    await httpAppends(url, server, [...fresh, ...grown], 1);
    for (let index = 0; index < rounds; index++) {
      runs.raw.push(await store.rawRate(seconds));
      runs.fresh.push(await httpAppends(url, server, fresh, seconds));
      runs.grown.push(await httpAppends(url, server, grown, seconds));
    }
    const raw = median(runs.raw);
    const [onFresh, onGrown] = [
      median(runs.fresh.map((run) => run.perSecond)),
      median(runs.grown.map((run) => run.perSecond)),
    ];
    const cpuOf = (appends: Appends[]) => median(appends.map((run) => run.serverCpuMs));
    console.error(
      `${store.name}: raw ${raw.toFixed(0)}/s, HTTP ${onFresh.toFixed(0)}/s new, ${onGrown.toFixed(0)}/s grown; ` +
        `server CPU ${cpuOf(runs.fresh).toFixed(3)} / ${cpuOf(runs.grown).toFixed(3)} ms an append`,
    );
    const feed = values.feed ? await measureFeed(store, nodes) : undefined;
    const figure = (
      title: string,
      value: number,
      appends: Appends[],
      extra: Record<string, unknown>,
    ): FigureResult => ({
      figure: 'P2',
      title: `appends/s via HTTP, ${editors} editors, durable, vs raw store commits, ${title}`,
      store: store.name,
      value: round(value, 0),
      baseline: round(raw, 0),
      unit: 'appends/s',
      ratio: round(value / raw),
      goal: { op: '>=', ratio: 0.5, text: '>= 0.5x raw single-row commits' },
      extra: {
        p50Ms: median(appends.map((run) => run.p50)),
        p99Ms: median(appends.map((run) => run.p99)),
        serverCpuMsPerAppend: round(median(appends.map((run) => run.serverCpuMs)), 3),
        failed: appends.reduce((sum, run) => sum + run.failed, 0),
        runs: appends.map((run) => round(run.perSecond, 0)),
        rawRuns: runs.raw.map((rate) => round(rate, 0)),
        store: store.describe,
        seconds,
        load: round(load),
        ...extra,
      },
    });
    return [
      figure('new stories', onFresh, runs.fresh, { feed }),
      figure(`stories ${storyLength} updates long`, onGrown, runs.grown, {
        storyUpdates: storyLength,
        grownOverNew: round(onGrown / onFresh),
      }),
    ];
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await store.dispose();
  }
}

interface Appends {
  readonly perSecond: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  /** The server process's CPU time (user + system) per append: steadier than a rate on a shared machine. */
  readonly serverCpuMs: number;
}

/** One autocannon per editor, each keeping to its own story, as a desk of editors on several stories would. */
async function httpAppends(
  url: string,
  server: number,
  stories: readonly string[],
  duration: number,
): Promise<Appends> {
  const cpuBefore = cpuMsOf(server);
  const runs = await Promise.all(
    stories.map((id) => {
      let sequence = 0;
      const prefix = randomBytes(4).toString('hex');
      return autocannon({
        url,
        connections: 1,
        duration,
        requests: [
          {
            method: 'POST',
            path: `/api/live-blogs/${id}/updates`,
            headers,
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                kind: 'report',
                body: `Bench post ${++sequence}: ${'witnesses report '.repeat(12)}`,
                updateId: `u-${prefix}-${sequence}`,
              }),
            }),
          },
        ],
      });
    }),
  );
  const appended = runs.reduce((sum, run) => sum + run['2xx'], 0);
  return {
    perSecond: appended / duration,
    serverCpuMs: (cpuMsOf(server) - cpuBefore) / Math.max(1, appended),
    failed: runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
    p50: Math.max(...runs.map((run) => run.latency.p50)),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
  };
}

async function measureFeed(store: StoreUnderTest, nodes: NodeServer[]) {
  nodes.push(await startNode(basePort + 1, { ...store.env, ...NO_LIMITS }));
  const latency = await feedLatency(nodes[0]!.url, nodes[1]!.url, headers, values.quick ? 10 : 60);
  const quantiles = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) =>
      round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN, 1);
    return { p50: at(0.5), p95: at(0.95), max: at(1) };
  };
  const summary = (latency: FeedLatency) => ({
    posts: latency.posts,
    missing: latency.missing,
    acknowledgedMs: quantiles(latency.acknowledged),
    pushOnAMs: quantiles(latency.onA),
    pushOnBMs: quantiles(latency.onB),
    bAfterAMs: quantiles(latency.bAfterA),
  });
  return summary(latency);
}

function sqliteStore(): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-append-'));
  const path = join(dir, 'events.db');
  return {
    name: 'sqlite',
    describe: 'one file, WAL, synchronous FULL',
    env: { EVENT_STORE: `sqlite:${path}`, AUTH_SECRET: SECRET, SEED: 'false', DATA_DIR: dir },
    open: () => openSqliteEventStore(path),
    rawRate: async (duration) => (await sqliteRawRate(dir, duration)).commitsPerSecond,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresStore(): Promise<StoreUnderTest> {
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-append-'));
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const describe = await admin(async (client) => {
    const setting = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name] as string;
    return `PostgreSQL ${await setting('server_version')}, synchronous_commit ${await setting('synchronous_commit')}`;
  });
  return {
    name: 'postgres',
    describe,
    env: { EVENT_STORE: `${POSTGRES_URL}?schema=${schema}`, AUTH_SECRET: SECRET, SEED: 'false', DATA_DIR: dir },
    open: () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema }),
    rawRate: async (duration) => (await postgresRawRate(POSTGRES_URL, schema, 1, duration)).commitsPerSecond,
    dispose: async () => {
      await admin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) a process has used, from /proc (Linux; NaN elsewhere). USER_HZ is 100 on Linux. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
