/**
 * P4b: reader page (`GET /live/:id`) GET/s at 50 connections against bare Fastify serving the same
 * HTML from memory with the same headers; then what one address at its read budget
 * (READ_RATE_LIMIT, 6,000 a minute) adds to another client's median article GET, once asking for
 * the page (served from the cache) and once for ever-changing `before` values past the newest
 * revision (the first page again, each a variant of its own: a render each). Dateline (`npm start`'s dist/main.js with the reference story) and the bare server each
 * run in a process of their own; the load comes from here. Rounds alternate the two servers.
 *   node dist-bench/bench/reader-page.js [--quick] [--json file] [--seconds 8] [--rounds 3]
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
  options: { ...FIGURE_OPTIONS, seconds: { type: 'string' }, rounds: { type: 'string' } },
});
const seconds = Number(values.seconds ?? (values.quick ? 2 : 8));
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const connections = 50;
const STORY = 'kyrgyzstan-2010-04-08';
const PAGE = `/live/${STORY}`;
const ARTICLE = `/api/live-blogs/${STORY}`;
const NO_LIMITS = { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0', SOCKET_CONNECT_RATE_LIMIT: '0' };
/** READ_RATE_LIMIT's default, a minute's budget spread evenly. */
const BUDGET_PER_SECOND = 100;

const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-page-'));
const stops: (() => Promise<void>)[] = [];
const settings = (name: string) => ({
  DATA_DIR: join(dir, name),
  EVENT_STORE: `sqlite:${join(dir, `${name}.db`)}`,
  AUTH_SECRET: 'reader-page-bench-secret-that-is-long-enough-0123456789',
});
try {
  const load = loadavg()[0]!;
  const node = await startNode(3900 + Math.floor(Math.random() * 300), { ...NO_LIMITS, ...settings('rate') });
  stops.push(node.stop);
  const first = await fetch(`${node.url}${PAGE}`);
  const body = await first.text();
  const etag = first.headers.get('etag');
  if (first.status !== 200 || !etag) throw new Error(`GET ${PAGE} answered ${first.status} without an ETag`);
  const bare = await startBare(body, sentHeaders(first.headers));
  stops.push(bare.stop);

  const targets = { dateline: node.url, bare: bare.url };
  const measured: Record<string, number[]> = { dateline: [], bare: [], dateline304: [], bare304: [] };
  for (const url of Object.values(targets)) await hammer(url, 1, {});
  for (let index = 0; index < rounds; index++) {
    for (const [name, url] of Object.entries(targets)) {
      measured[name]!.push((await hammer(url, seconds, {})).requests.average);
      measured[`${name}304`]!.push((await hammer(url, seconds, { 'if-none-match': etag }, 304)).requests.average);
    }
  }
  await node.stop();
  await bare.stop();
  stops.length = 0;

  // A node with the default read budget, told addresses apart by X-Forwarded-For.
  const limited = await startNode(4300 + Math.floor(Math.random() * 300), { TRUST_PROXY: '1', ...settings('budget') });
  stops.push(limited.stop);
  const alone = await otherClient(limited.url, seconds * 2);
  const besideCached = await besideOneAddress(limited.url, seconds * 2, () => PAGE);
  // A `before` past the newest revision is the first page again, under an address of its own: a render each.
  let before = 1000;
  const besideRenders = await besideOneAddress(limited.url, seconds * 2, () => `${PAGE}?before=${before++}`);

  const [value, baseline] = [median(measured.dateline!), median(measured.bare!)];
  reportFigures(values.json, [
    {
      figure: 'P4b',
      title: `reader page GET/s, ${connections} connections, vs bare Fastify serving the same HTML`,
      store: 'sqlite',
      value: round(value, 0),
      baseline: round(baseline, 0),
      unit: 'GET/s',
      ratio: round(value / baseline),
      goal: { op: '>=', ratio: 0.8, text: '>= 0.8x bare Fastify' },
      extra: {
        bodyBytes: Buffer.byteLength(body),
        notModifiedPerSecond: round(median(measured.dateline304!), 0),
        bareNotModifiedPerSecond: round(median(measured.bare304!), 0),
        otherClientMedianMs: { alone, besideCachedPage: besideCached, besideArchiveRenders: besideRenders },
        addedMedianMs: {
          cachedPage: round(besideCached.medianMs - alone.medianMs),
          archiveRenders: round(besideRenders.medianMs - alone.medianMs),
        },
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
  const result = await autocannon({ url: `${url}${PAGE}`, connections, duration, headers });
  const wrong = status === 200 ? result.non2xx : result['2xx'] + result['4xx'] + result['5xx'];
  if (result.errors > 0 || result.timeouts > 0 || wrong > 0)
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${wrong} not ${status}`);
  return result;
}

/** Another reader's article GETs, 20 a second from an address of its own: their median and p90 in ms. */
async function otherClient(url: string, duration: number) {
  const latencies: number[] = [];
  const until = Date.now() + duration * 1000;
  while (Date.now() < until) {
    const started = performance.now();
    const response = await fetch(`${url}${ARTICLE}`, { headers: { 'x-forwarded-for': '10.0.0.2' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the other client's GET answered ${response.status}`);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  latencies.sort((a, b) => a - b);
  const at = (share: number) => round(latencies[Math.floor(share * (latencies.length - 1))]!);
  return { medianMs: at(0.5), p90Ms: at(0.9), requests: latencies.length };
}

/** The other client while one address sends BUDGET_PER_SECOND GETs a second of `path()`. */
async function besideOneAddress(url: string, duration: number, path: () => string) {
  const statuses = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const sent = fetch(`${url}${path()}`, { headers: { 'x-forwarded-for': '10.0.0.1' } })
      .then(async (response) => {
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      })
      .catch(() => void statuses.set(0, (statuses.get(0) ?? 0) + 1))
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  }, 1000 / BUDGET_PER_SECOND);
  try {
    const measured = await otherClient(url, duration);
    return { ...measured, oneAddressStatuses: Object.fromEntries(statuses) };
  } finally {
    clearInterval(timer);
    await Promise.all(inFlight);
  }
}

/** The headers Dateline chose for the page; those of the connection and the length are the server's own. */
function sentHeaders(headers: Headers): Record<string, string> {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  return Object.fromEntries([...headers].filter(([name]) => !own.has(name)));
}

async function startBare(body: string, headers: Record<string, string>) {
  const file = join(dir, 'page.json');
  writeFileSync(file, JSON.stringify({ body, headers, path: '/live/:id' }));
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
