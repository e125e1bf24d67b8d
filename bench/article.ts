/**
 * P4: article GET/s at 50 connections against bare Fastify serving the same bytes from memory,
 * and If-None-Match 304s/s against the same bare server's 304s. Dateline (`npm start`'s
 * dist/main.js with the reference story) and the bare server each run in a process of their own;
 * autocannon runs here. Rounds alternate the two, so a busy moment of the shared machine weighs
 * on both alike; each figure is the median of its rounds.
 *   node dist-bench/bench/article.js [--quick] [--json file] [--seconds 8] [--rounds 3]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { FIGURE_OPTIONS, reportFigures } from './support/figure.js';
import { median, round } from './support/measures.js';
import { startNode } from './support/node-server.js';

const { values } = parseArgs({
  options: {
    ...FIGURE_OPTIONS,
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string' },
  },
});
const seconds = Number(values.seconds ?? (values.quick ? 2 : 8));
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const connections = Number(values.connections ?? 50);
const STORY = 'kyrgyzstan-2010-04-08';
const PATH = `/api/live-blogs/${STORY}`;
const NO_LIMITS = { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', SOCKET_CONNECT_RATE_LIMIT: '0' };

const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-article-'));
const stops: (() => Promise<void>)[] = [];
try {
  const load = loadavg()[0]!;
  const node = await startNode(3600 + Math.floor(Math.random() * 300), {
    ...NO_LIMITS,
    DATA_DIR: dir,
    EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
    AUTH_SECRET: 'article-bench-secret-that-is-long-enough-0123456789',
  });
  stops.push(node.stop);
  const first = await fetch(`${node.url}${PATH}`);
  const body = await first.text();
  const etag = first.headers.get('etag');
  if (first.status !== 200 || !etag) throw new Error(`GET ${PATH} answered ${first.status} without an ETag`);
  const bare = await startBare(body, sentHeaders(first.headers));
  stops.push(bare.stop);

  const targets = { dateline: node.url, bare: bare.url };
  const measured: Record<string, number[]> = { dateline: [], bare: [], dateline304: [], bare304: [] };
  const latency: Record<string, number[]> = { dateline: [], bare: [] };
  for (const url of Object.values(targets)) await hammer(url, 1, {}); // warms both up
  for (let index = 0; index < rounds; index++) {
    for (const [name, url] of Object.entries(targets)) {
      const full = await hammer(url, seconds, {});
      measured[name]!.push(full.requests.average);
      latency[name]!.push(full.latency.p99);
      measured[`${name}304`]!.push((await hammer(url, seconds, { 'if-none-match': etag }, 304)).requests.average);
    }
  }
  const [value, baseline] = [median(measured.dateline!), median(measured.bare!)];
  const [notModified, bare304] = [median(measured.dateline304!), median(measured.bare304!)];
  reportFigures(values.json, [
    {
      figure: 'P4',
      title: `article GET/s, ${connections} connections, vs bare Fastify serving the same bytes`,
      store: 'sqlite',
      value: round(value, 0),
      baseline: round(baseline, 0),
      unit: 'GET/s',
      ratio: round(value / baseline),
      goal: { op: '>=', ratio: 0.8, text: '>= 0.8x bare Fastify' },
      extra: {
        bodyBytes: Buffer.byteLength(body),
        notModifiedPerSecond: round(notModified, 0),
        bareNotModifiedPerSecond: round(bare304, 0),
        notModifiedRatio: round(notModified / bare304),
        p99Ms: median(latency.dateline!),
        bareP99Ms: median(latency.bare!),
        rounds,
        seconds,
        load: round(load),
        runs: measured,
      },
    },
  ]);
} finally {
  for (const stop of stops.reverse()) await stop();
  rmSync(dir, { recursive: true, force: true });
}

async function hammer(url: string, duration: number, headers: Record<string, string>, status = 200) {
  const result = await autocannon({ url: `${url}${PATH}`, connections, duration, headers });
  const wrong = status === 200 ? result.non2xx : result['2xx'] + result['4xx'] + result['5xx'];
  if (result.errors > 0 || result.timeouts > 0 || wrong > 0)
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${wrong} not ${status}`);
  return result;
}

/** The headers Dateline chose for the article; those of the connection and the length are the server's own. */
function sentHeaders(headers: Headers): Record<string, string> {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return Object.fromEntries([...headers].filter(([name]) => !own.has(name)));
}

async function startBare(body: string, headers: Record<string, string>) {
  const file = join(dir, 'article.json');
  writeFileSync(file, JSON.stringify({ body, headers }));
  const script = fileURLToPath(new URL('./support/bare-article-server.js', import.meta.url));
  const child = fork(script, [file], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve(String(message)));
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
  };
  return { url, stop };
}
