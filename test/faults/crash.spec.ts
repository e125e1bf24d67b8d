/**
 * Crash (issue 12, deliverable 1): a node in its own process (`node dist/main.js`) takes a burst
 * from concurrent editors and is killed with SIGKILL in the middle of it, then restarted on the
 * same store; three rounds, on a SQLite file and on PostgreSQL. After every restart:
 * - every write answered 201 is stored, at the revision the 201 gave, with its request's id;
 * - no write is stored twice or in part: each request's events are all there or none are;
 * - the story's revisions run 0..N without a gap, and the server's own hash-chain check is ok;
 * - the node takes writes again on top (the next round's burst).
 * No command of the app appends several events today, so two more processes append batches of 2 to
 * 5 events straight through the store's port (support/batch-writer.mjs, on a store of their own)
 * and are killed at the same moment: every batch the store acknowledged is there whole, and no
 * batch is there in part. Each run prints what it reached, e.g.
 *   "crash sqlite: 3 rounds, 412 acknowledged, 412 found, 0 lost, 0 half batches, ..."
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPostgresSchema, sharedSqliteFile, type SharedStore } from '../support/cluster.js';
import { range, sleep, waitFor } from '../support/live.js';
import type { NodeProcess } from '../support/node-process.js';
import { describeWithPostgres } from '../support/postgres.js';
import { editUntilGone, newBurstLog, type Acknowledged } from './support/editor-burst.js';
import { startBatchWriters, verifyBatches, type BatchVerdict, type BatchWriters } from './support/store-batches.js';
import {
  faultToken,
  integrity,
  request,
  startFaultNode,
  storedEvents,
  type AuditedEvent,
} from './support/fault-node.js';

const STORY = 'crash-burst';
const ROUNDS = 3;
const EDITORS = 6;
/** Killed once this many writes of the round are acknowledged, and a random moment more. */
const ACKNOWLEDGED_BEFORE_KILL = 25;
const BATCH_WRITERS = 2;
/** And once this many multi-event batches are acknowledged. */
const BATCHES_BEFORE_KILL = 10;
/** Real processes restarted three times on a busy machine: allow for slow starts. */
const RUN_MS = 150_000;

interface Verdict {
  readonly events: number;
  readonly found: number;
  readonly lost: Acknowledged[];
  /** Requests whose events are not all stored (or are stored more than once). */
  readonly halfBatches: string[];
  readonly contiguous: boolean;
  readonly integrity: { ok: boolean; checked: number };
}

describe('crash: kill -9 in the middle of a burst of writes, then restart on the same store', () => {
  it(
    'sqlite: every acknowledged write is there after each restart, once and whole',
    () => crashRounds('sqlite', sharedSqliteFile(), sharedSqliteFile()),
    RUN_MS,
  );
});

await describeWithPostgres('crash on PostgreSQL', () => {
  it(
    'postgres: every acknowledged write is there after each restart, once and whole',
    () => crashRounds('postgres', sharedPostgresSchema(), sharedPostgresSchema()),
    RUN_MS,
  );
});

async function crashRounds(name: string, store: SharedStore, batchStore: SharedStore): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-crash-'));
  const editor = faultToken('editor', 'Crash Editor');
  const auditor = faultToken('auditor', 'Crash Auditor');
  let node: NodeProcess | undefined;
  let batchWriters: BatchWriters | undefined;
  try {
    node = await startFaultNode(store, dataDir);
    const opened = await request(`${node.url}/api/live-blogs`, 'POST', editor, { id: STORY, title: 'Crash burst' });
    expect(opened.status).toBe(201);
    const acknowledged: Acknowledged[] = [];
    let unanswered = 0;
    let verdict: Verdict | undefined;
    let batches: BatchVerdict | undefined;
    const batchesAcknowledged = new Map<string, number>();
    for (const round of range(1, ROUNDS)) {
      const log = newBurstLog();
      let killed = false;
      const storyUrl = `${node.url}/api/live-blogs/${STORY}`;
      const editors = range(1, EDITORS).map((index) =>
        editUntilGone(storyUrl, editor, `r${round}-e${index}`, log, () => killed),
      );
      batchWriters = startBatchWriters(batchStore, dataDir, `r${round}`, BATCH_WRITERS);
      await waitFor(
        () =>
          log.acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL && batchWriters!.acknowledged.size >= BATCHES_BEFORE_KILL,
        60_000,
        'the burst to get going',
      );
      await sleep(Math.random() * 200);
      await Promise.all([node.kill(), batchWriters.kill()]);
      killed = true;
      await Promise.all(editors);
      for (const [batch, revision] of batchWriters.acknowledged) batchesAcknowledged.set(batch, revision);
      acknowledged.push(...log.acknowledged);
      unanswered += log.unanswered;
      expect(log.unanswered).toBeGreaterThan(0); // the kill did land in the middle of the burst

      node = await startFaultNode(store, dataDir);
      const stored = verify(await storedEvents(node, STORY, auditor), acknowledged);
      verdict = { ...stored, integrity: await integrity(node, STORY, auditor) };
      expect(verdict.lost).toEqual([]);
      expect(verdict.halfBatches).toEqual([]);
      expect(verdict.contiguous).toBe(true);
      expect(verdict.integrity).toEqual({ ok: true, checked: verdict.events });
      batches = await verifyBatches(batchStore, dataDir, batchesAcknowledged);
      expect(batches).toMatchObject({ lost: [], half: [], contiguous: true });
    }
    const figures = verdict!;
    console.log(
      `crash ${name}: ${ROUNDS} rounds, ${acknowledged.length} acknowledged, ${figures.found} found, ` +
        `${figures.lost.length} lost, ${figures.halfBatches.length} half batches, ` +
        `revisions 0..${figures.events - 1} ${figures.contiguous ? 'contiguous' : 'NOT contiguous'}, ` +
        `integrity ${figures.integrity.ok ? 'ok' : 'BROKEN'} (${unanswered} writes cut off by the kills, ` +
        `${figures.events - 1 - acknowledged.length} of them stored); store batches: ` +
        `${batchesAcknowledged.size} acknowledged, ${batches!.lost.length} lost, ${batches!.half.length} half, ` +
        `${batches!.batches} stored whole (${batches!.events} events, 2 to 5 each)`,
    );
    expect(figures.found).toBe(acknowledged.length);
  } finally {
    await Promise.all([node?.kill(), batchWriters?.kill()]);
    await store.drop();
    await batchStore.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Every command the editors send appends exactly one event, so a request's events are whole when
 * its X-Correlation-Id is on exactly one stored event (a retry applied twice would show as two).
 */
function verify(events: AuditedEvent[], acknowledged: readonly Acknowledged[]): Omit<Verdict, 'integrity'> {
  const perRequest = new Map<string, number>();
  for (const event of events) {
    const id = event.metadata.correlationId;
    if (id) perRequest.set(id, (perRequest.get(id) ?? 0) + 1);
  }
  const lost = acknowledged.filter((write) => events[write.revision]?.metadata.correlationId !== write.correlationId);
  return {
    events: events.length,
    found: acknowledged.length - lost.length,
    lost,
    halfBatches: [...perRequest].filter(([id, count]) => id.startsWith('r') && count !== 1).map(([id]) => id),
    contiguous: events.every((event, index) => event.revision === index),
  };
}
