/**
 * What one store carries, and how fast a second node hears of it:
 *   npm run bench:append -- --store sqlite|postgres [--seconds 10] [--editors 8] [--posts 60]
 * 1. the store's raw single-row durable commit rate (one writer; on PostgreSQL also one per editor);
 * 2. appends/s through HTTP: `editors` concurrent editors, one connection and one story each,
 *    against node A (`npm start`'s dist/main.js in its own process), and the ratio to (1);
 * 3. feed latency: node B, a second process on the same store (PostgreSQL schema, or SQLite file),
 *    and node A each carry a reader of one story; an editor posts on A, one post at a time.
 * The figures depend on the machine: compare the ratios. PostgreSQL: BENCH_POSTGRES_URL, default
 * this machine's server; the run uses a new schema and drops it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import pg from 'pg';
import { postgresRawRate, sqliteRawRate, type RawRate } from './support/raw-commits.js';
import { feedLatency, type FeedLatency } from './support/feed-latency.js';
import { startNode, type NodeServer } from './support/node-server.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    editors: { type: 'string', default: '8' },
    posts: { type: 'string', default: '60' },
  },
});
const SECRET = 'append-bench-secret-that-is-long-enough-0123456789';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const token = new JwtService({ secret: SECRET }).sign({ sub: 'append-bench', name: 'Append Bench', role: 'editor' });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const basePort = 3600 + Math.floor(Math.random() * 300);

interface Store {
  readonly env: NodeJS.ProcessEnv;
  readonly describe: () => Promise<string>;
  readonly rawRates: (seconds: number, editors: number) => Promise<RawRate[]>;
  readonly dispose: () => Promise<void>;
}

if (values.store !== 'sqlite' && values.store !== 'postgres') {
  console.error('usage: npm run bench:append -- --store sqlite|postgres [--seconds 10] [--editors 8] [--posts 60]');
  process.exit(2);
}
const [seconds, editors, posts] = [values.seconds, values.editors, values.posts].map(Number) as [
  number,
  number,
  number,
];
const store = values.store === 'sqlite' ? sqliteStore() : postgresStore();
const nodes: NodeServer[] = [];
try {
  console.log(
    `store ${values.store}: ${await store.describe()}; ${availableParallelism()} cores shared by store, nodes and load`,
  );
  const raw = await store.rawRates(Math.max(3, seconds / 2), editors);
  for (const rate of raw)
    console.log(`raw single-row durable commits, ${rate.writers} writer(s): ${rate.commitsPerSecond.toFixed(0)}/s`);
  nodes.push(await startNode(basePort, store.env));
  const http = await httpAppends(nodes[0].url, editors, seconds);
  console.log(
    `HTTP appends, ${editors} editors on node A: ${http.perSecond.toFixed(0)}/s ` +
      `(latency p50 ${http.p50} ms, p99 ${http.p99} ms; ${http.failed} not 201)`,
  );
  for (const rate of raw)
    console.log(
      `ratio HTTP / raw with ${rate.writers} writer(s): ${(http.perSecond / rate.commitsPerSecond).toFixed(2)}`,
    );
  nodes.push(await startNode(basePort + 1, store.env));
  printLatency(await feedLatency(nodes[0].url, nodes[1].url, headers, posts));
} finally {
  await Promise.all(nodes.map((node) => node.stop()));
  await store.dispose();
}

async function httpAppends(url: string, count: number, duration: number) {
  const stories = Array.from({ length: count }, (_, index) => `bench-story-${index}`);
  for (const id of stories) await post(`${url}/api/live-blogs`, { id, title: `Bench story ${id}` });
  let sequence = 0;
  const body = () =>
    JSON.stringify({
      kind: 'report',
      body: `Bench post ${++sequence}: ${'witnesses report '.repeat(12)}`,
      updateId: `u-${sequence}`,
    });
  // One autocannon per editor: each keeps to its own story, as a desk of editors on several stories would.
  const runs = await Promise.all(
    stories.map((id) =>
      autocannon({
        url,
        connections: 1,
        duration,
        requests: [
          {
            method: 'POST',
            path: `/api/live-blogs/${id}/updates`,
            headers,
            setupRequest: (request) => ({ ...request, body: body() }),
          },
        ],
      }),
    ),
  );
  const created = runs.reduce((sum, run) => sum + run['2xx'], 0);
  return {
    perSecond: created / duration,
    failed: runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
    p50: Math.max(...runs.map((run) => run.latency.p50)),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
  };
}

async function post(url: string, payload: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload) });
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
}

function printLatency(latency: FeedLatency): void {
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    console.log(`  ${name.padEnd(34)} p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  };
  console.log(`feed latency over ${latency.posts} posts on node A (${latency.missing} pushes missing):`);
  line('post → 201 on A', latency.acknowledged);
  line('post → push to a reader on A', latency.onA);
  line('post → push to a reader on B', latency.onB);
  line('push on B after push on A', latency.bAfterA);
}

function sqliteStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-append-'));
  return {
    env: { EVENT_STORE: `sqlite:${join(dir, 'events.db')}`, AUTH_SECRET: SECRET, SEED: 'false', DATA_DIR: dir },
    describe: async () => 'one file, WAL, synchronous FULL',
    rawRates: async (duration) => [await sqliteRawRate(dir, duration)],
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresStore(): Store {
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
  return {
    env: { EVENT_STORE: `${POSTGRES_URL}?schema=${schema}`, AUTH_SECRET: SECRET, SEED: 'false', DATA_DIR: dir },
    describe: () =>
      admin(async (client) => {
        const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
        const sync = (await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!
          .synchronous_commit;
        await client.query(`CREATE SCHEMA "${schema}"`);
        return `PostgreSQL ${version}, synchronous_commit ${sync}, schema ${schema}`;
      }),
    rawRates: async (duration, writers) => [
      await postgresRawRate(POSTGRES_URL, schema, 1, duration),
      await postgresRawRate(POSTGRES_URL, schema, writers, duration),
    ],
    dispose: async () => {
      await admin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
