/**
 * Failover check: two nodes on one PostgreSQL database, editors posting on both and readers on
 * both; one node is killed with SIGKILL mid-burst. Its editors retry on the other node (same
 * Idempotency-Key), its readers reconnect there and resume from their last revision. Passes when
 * no acknowledged post is lost and no reader's revisions have a gap or a repeat.
 *   npm run check:failover -- [--readers 20] [--writers 4] [--after-ms 1500] [--burst-ms 3000] [--store sqlite]
 * Needs PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test); the run
 * uses a schema of its own and drops it afterwards. `--store sqlite` runs the same on one SQLite
 * file shared by the two processes (one machine only).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startNode, type NodeProcess } from '../test/support/node-process.js';
import { signToken } from '../test/support/tokens.js';
import { editUntilStopped, MovingReader, type EditorLog } from './support/failover-clients.js';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '20' },
    writers: { type: 'string', default: '4' },
    'after-ms': { type: 'string', default: '1500' },
    'burst-ms': { type: 'string', default: '3000' },
    store: { type: 'string', default: 'postgres' },
  },
});
const DATABASE = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'failover-check-secret-that-is-long-enough-0123456789';
const BLOG = 'failover';
const schema = `failover_${randomBytes(4).toString('hex')}`;
const editor = signToken(SECRET, { sub: 'failover', name: 'Failover Editor', role: 'editor' });
const auditor = signToken(SECRET, { sub: 'failover-audit', name: 'Failover Auditor', role: 'auditor' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const folder = mkdtempSync(join(tmpdir(), 'dateline-failover-'));
const eventStore =
  values.store === 'sqlite'
    ? `sqlite:${join(folder, 'events.db')}`
    : `${DATABASE}${DATABASE.includes('?') ? '&' : '?'}schema=${schema}`;
console.log(`two nodes on ${values.store === 'sqlite' ? 'one SQLite file' : `PostgreSQL schema ${schema}`}`);
const env = {
  EVENT_STORE: eventStore,
  DATA_DIR: folder,
  AUTH_SECRET: SECRET,
  SEED: 'false',
  LIVE_REQUESTS_PER_ADDRESS: '0',
};
const nodes: NodeProcess[] = [];
let exitCode = 1;
try {
  for (const _ of [1, 2]) nodes.push(await startNode({ env }));
  exitCode = await run(nodes[0]!, nodes[1]!);
} finally {
  await Promise.all(nodes.map((node) => node.kill()));
  if (values.store !== 'sqlite') await dropSchema();
  rmSync(folder, { recursive: true, force: true });
}
process.exit(exitCode);

async function run(doomed: NodeProcess, survivor: NodeProcess): Promise<number> {
  const alive = new Set([doomed.url, survivor.url]);
  const live = () => [...alive];
  const opened = await post(doomed, '', { id: BLOG, title: 'Failover' });
  if (opened.status !== 201) throw new Error(`opening the blog answered ${opened.status}`);

  const readers = Array.from({ length: Number(values.readers) }, () => new MovingReader(BLOG, live));
  await Promise.all(readers.map((reader, index) => reader.follow(index % 2 === 0 ? doomed.url : survivor.url)));
  const log: EditorLog = { acknowledged: new Map(), retriedElsewhere: 0 };
  let stop = false;
  const editors = Array.from({ length: Number(values.writers) }, (_, index) =>
    editUntilStopped(`w${index}`, index % 2 === 0 ? doomed.url : survivor.url, BLOG, editor, () => stop, live, log),
  );
  await sleep(Number(values['after-ms']));
  const acknowledgedBeforeKill = log.acknowledged.size;
  alive.delete(doomed.url);
  await doomed.kill();
  const killedAt = Date.now();
  await sleep(Math.max(0, Number(values['burst-ms']) - Number(values['after-ms'])));
  stop = true;
  await Promise.all(editors);

  const head = (await readJson<{ revision: number }>(survivor, `/api/live-blogs/${BLOG}`)).revision;
  await waitUntil(() => readers.every((reader) => reader.revision === head), 15_000);
  const stored = await storedUpdateIds(survivor);
  return report({ readers, log, stored, head, acknowledgedBeforeKill, killedAt });
}

interface Outcome {
  readonly readers: MovingReader[];
  readonly log: EditorLog;
  readonly stored: string[];
  readonly head: number;
  readonly acknowledgedBeforeKill: number;
  readonly killedAt: number;
}

function report({ readers, log, stored, head, acknowledgedBeforeKill }: Outcome): number {
  const storedOnce = new Set(stored);
  const lost = [...log.acknowledged.keys()].filter((updateId) => !storedOnce.has(updateId)).length;
  const storedTwice = stored.length - storedOnce.size;
  let gaps = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (const reader of readers) {
    const seen = new Set(reader.revisions);
    duplicates += reader.revisions.length - seen.size;
    for (let revision = 1; revision <= head; revision++) if (!seen.has(revision)) gaps++;
    outOfOrder += reader.revisions.filter(
      (revision, index) => index > 0 && revision < reader.revisions[index - 1]!,
    ).length;
  }
  for (const reader of readers) {
    const at = reader.revisions.findIndex((revision, index) => index > 0 && revision < reader.revisions[index - 1]!);
    if (at > 0)
      console.log(
        `out of order (moved ${reader.moves}): …${reader.revisions.slice(Math.max(0, at - 5), at + 5).join(' ')}…`,
      );
  }
  const moved = readers.filter((reader) => reader.moves > 0).length;
  const redraws = readers.reduce((sum, reader) => sum + reader.redraws, 0);
  console.log(
    `acknowledged: ${log.acknowledged.size} posts (${acknowledgedBeforeKill} before the kill), head revision ${head}`,
  );
  console.log(`lost: ${lost} acknowledged posts missing from the store; stored twice: ${storedTwice}`);
  console.log(`editors' requests the killed node died under, retried on the other node: ${log.retriedElsewhere}`);
  console.log(
    `readers: ${readers.length}, moved to the surviving node: ${moved} (expected ${Math.ceil(readers.length / 2)})`,
  );
  console.log(
    `gaps: ${gaps}, duplicates: ${duplicates}, out of order: ${outOfOrder}, redraws instead of resume: ${redraws}`,
  );
  const passed =
    log.acknowledged.size > 0 && lost === 0 && storedTwice === 0 && gaps === 0 && duplicates === 0 && outOfOrder === 0;
  const allMoved = moved === Math.ceil(readers.length / 2) && redraws === 0;
  console.log(passed && allMoved ? 'failover check passed' : 'failover check FAILED');
  return passed && allMoved ? 0 : 1;
}

async function post(node: NodeProcess, path: string, body: unknown) {
  return fetch(`${node.url}/api/live-blogs${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function readJson<T>(node: NodeProcess, path: string, token?: string): Promise<T> {
  const response = await fetch(`${node.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every stored post's updateId, in revision order, read from the store through the auditors' route. */
async function storedUpdateIds(node: NodeProcess): Promise<string[]> {
  const ids: string[] = [];
  type Page = { events: { type: string; data: { updateId?: string } }[]; nextFromRevision: number | null };
  for (let from: number | null = 0; from !== null; ) {
    const page: Page = await readJson<Page>(
      node,
      `/api/live-blogs/${BLOG}/events?fromRevision=${from}&limit=1000`,
      auditor,
    );
    for (const event of page.events) if (event.type === 'UpdatePosted') ids.push(event.data.updateId!);
    from = page.nextFromRevision;
  }
  return ids;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(20);
}

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}
