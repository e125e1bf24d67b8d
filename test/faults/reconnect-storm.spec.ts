/**
 * Reconnect storm (issue 12, deliverable 2): 2,000 readers in a process of their own follow one
 * story with the documented client (LiveBlogFollower) while an editor keeps posting, correcting
 * and retracting; the node is killed with SIGKILL and restarted on the same store and port. It
 * proves that every reader comes back by itself, resumes from the revision it held, and ends at
 * the head having applied each revision once, in order (a redraw from the article only where the
 * server could not replay the gap), with the very event the store holds at that revision; that no
 * body of a retracted update reaches a reader after the retraction, from a push, a catch-up's
 * events or an article; and that the readers' first retries are spread out (backoff with jitter).
 * It prints "storm: 2000 readers, N events, 2000 reconnected, 0 gaps, 0 duplicates, …".
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/shared/paths.js';
import { sharedSqliteFile } from '../support/cluster.js';
import { sleep, waitFor } from '../support/live.js';
import type { NodeProcess } from '../support/node-process.js';
import { faultToken, request, startFaultNode, storedEvents, type AuditedEvent } from './support/fault-node.js';

const STORY = 'reconnect-storm';
const READERS = Number(process.env.STORM_READERS ?? 2000);
/** Readers opened at once: pages loading, not one burst of 2,000 handshakes. */
const READERS_BATCH = 200;
const EDIT_EVERY_MS = 50;
const WRITES_BEFORE_KILL = 15;
const WRITES_AFTER_RESUME = 5;
const RUN_MS = 400_000;

interface ReaderReport {
  readonly revision: number;
  /** Revisions applied in order; a redraw from an article at revision R is written -1 - R. */
  readonly applied: Int32Array;
  readonly gaps: number;
  readonly duplicates: number;
  readonly outOfOrder: number;
  readonly retractedBodies: number;
  readonly acks: { fresh: number; recovered: number; redrawn: number; refused: number };
  readonly connects: number;
  readonly heldAtDisconnect?: number;
  readonly resumedWith?: number;
  readonly firstRetryMs?: number;
  readonly resumedAt?: number;
}

interface StormReport {
  readonly readers: ReaderReport[];
  /** Per revision, the event as readers received it: JSON of [type, data]. */
  readonly canonical: Record<string, string>;
  /** Readers that received another version of a revision than the first reader did. */
  readonly mismatches: number;
  /** `${revision}:${updateId}`: bodies carried by a catch-up ack at that revision, updates an article showed. */
  readonly servedAt: { catchUp: string[]; article: string[] };
}

describe('reconnect storm: thousands of readers of a node killed and restarted mid-story', () => {
  it(
    `every one of ${READERS} readers resumes and ends with the same gap-free sequence`,
    async () => {
      const store = sharedSqliteFile();
      const dataDir = mkdtempSync(join(tmpdir(), 'dateline-storm-'));
      const editor = faultToken('editor', 'Storm Editor');
      const auditor = faultToken('auditor', 'Storm Auditor');
      let node: NodeProcess | undefined;
      const desk: EditorDesk = { writing: true, retracting: 'often' };
      const readers = fork(join(projectRoot, 'test/faults/support/storm-readers.mjs'), [], {
        serialization: 'advanced',
      });
      const inbox = messagesOf(readers);
      try {
        node = await startFaultNode(store, dataDir);
        const storyUrl = `${node.url}/api/live-blogs/${STORY}`;
        expect(
          (await request(`${node.url}/api/live-blogs`, 'POST', editor, { id: STORY, title: 'Storm' })).status,
        ).toBe(201);
        const connecting = Date.now();
        readers.send({ type: 'connect', url: node.url, liveBlogId: STORY, count: READERS, batch: READERS_BATCH });
        const connected = await inbox.next('connected', 180_000);
        expect(connected).toEqual({ type: 'connected', readers: READERS, refused: 0 });
        const connectedIn = Date.now() - connecting;

        // The editor writes before the kill, while the node is down (unanswered), while the readers
        // come back, and after they all have: each reader's gap is of its own length.
        const edited = newEditLog();
        const edits = editWhileWriting(storyUrl, editor, desk, edited);
        await waitFor(() => edited.answered >= WRITES_BEFORE_KILL, 120_000, 'writes before the kill');
        await node.kill();
        const killedAt = Date.now();
        // While readers come back, one retraction: those back before it are pushed it, those after
        // find it in their gap, where the catch-up must not replay the retracted body.
        desk.retracting = 'never';
        node = await startFaultNode(store, dataDir, node.port);
        const restartedAt = Date.now();
        await waitForReaders(inbox, readers, (status) => status.resumed >= READERS / 2, 150_000);
        desk.retracting = 'once';
        await waitForReaders(inbox, readers, (status) => status.resumed === READERS, 150_000);
        desk.retracting = 'often';
        const everyoneBack = edited.answered;
        await waitFor(() => edited.answered >= everyoneBack + WRITES_AFTER_RESUME, 60_000, 'writes after the storm');
        desk.writing = false;
        await edits;
        const events = await storedEvents(node, STORY, auditor);
        const head = events.length - 1;
        readers.send({ type: 'report', head, timeoutMs: 90_000 });
        const report = (await inbox.next('report', 120_000)) as unknown as StormReport;
        const figures = storm(report, events, head);
        const retries = report.readers.map((reader) => reader.firstRetryMs ?? Number.NaN);
        const backIn = report.readers.map((reader) => (reader.resumedAt ?? Number.NaN) - restartedAt);
        console.log(
          `storm: ${READERS} readers, ${events.length} events, ${figures.reconnected} reconnected, ` +
            `${figures.gaps} gaps, ${figures.duplicates} duplicates, ${figures.outOfOrder} out of order, ` +
            `${figures.retractedBodies} retracted bodies; ${figures.atHead} at the head (revision ${head}); ` +
            `catch-up: ${figures.recovered} resumed with the events missed, ${figures.redrawn} redrew from the article; ` +
            `${figures.differing} events differing from the store; first retry after ${span(retries)} s, ` +
            `back within ${span(backIn)} s of the restart (down ${seconds(restartedAt - killedAt)} s; ` +
            `${READERS} first connected in ${seconds(connectedIn)} s); editor: ${edited.posts} posts, ` +
            `${edited.corrections} corrections, ${edited.retractions} retractions, ${edited.unanswered} unanswered`,
        );

        expect(figures).toEqual({
          reconnected: READERS,
          resumedFromHeld: READERS,
          atHead: READERS,
          gaps: 0,
          duplicates: 0,
          outOfOrder: 0,
          retractedBodies: 0,
          differing: 0,
          refused: 0,
          recovered: expect.any(Number),
          redrawn: expect.any(Number),
        });
        expect(edited.retractions).toBeGreaterThan(0);
        // Backoff with jitter: nobody retries at once, and the first retries spread over half a second and more.
        expect(Math.min(...retries)).toBeGreaterThanOrEqual(400);
        expect(Math.max(...retries) - Math.min(...retries)).toBeGreaterThan(500);
      } finally {
        desk.writing = false;
        readers.kill('SIGKILL');
        await node?.kill();
        await store.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    RUN_MS,
  );
});

/** The figures over all readers, each checked against the store's own events. */
function storm(report: StormReport, events: readonly AuditedEvent[], head: number) {
  const retractedAt = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'UpdateRetracted') retractedAt.set(event.data.updateId as string, event.revision);
  }
  const shownAfterRetraction = (served: string) => {
    const [revision, updateId] = [Number(served.split(':')[0]), served.slice(served.indexOf(':') + 1)];
    return (retractedAt.get(updateId) ?? Number.POSITIVE_INFINITY) <= revision;
  };
  const differing = Object.entries(report.canonical).filter(
    ([revision, received]) => received !== JSON.stringify(publicView(events[Number(revision)]!)),
  ).length;
  const sum = (count: (reader: ReaderReport) => number) => report.readers.reduce((total, r) => total + count(r), 0);
  return {
    reconnected: report.readers.filter((reader) => reader.connects >= 2 && reader.resumedAt !== undefined).length,
    resumedFromHeld: report.readers.filter((r) => r.resumedWith !== undefined && r.resumedWith === r.heldAtDisconnect)
      .length,
    atHead: report.readers.filter((reader) => reader.revision === head).length,
    gaps: sum((reader) => reader.gaps + (contiguous(reader.applied) ? 0 : 1)),
    duplicates: sum((reader) => reader.duplicates),
    outOfOrder: sum((reader) => reader.outOfOrder),
    retractedBodies:
      sum((reader) => reader.retractedBodies) +
      report.servedAt.catchUp.filter(shownAfterRetraction).length +
      report.servedAt.article.filter(shownAfterRetraction).length,
    differing: differing + report.mismatches,
    refused: sum((reader) => reader.acks.refused),
    recovered: sum((reader) => reader.acks.recovered),
    redrawn: sum((reader) => reader.acks.redrawn),
  };
}

/** Each applied revision is the one after the last held (an article's revision for a redraw). */
function contiguous(applied: Int32Array): boolean {
  let held: number | undefined;
  for (const entry of applied) {
    if (entry < 0) held = -1 - entry;
    else if (held !== undefined && entry !== held + 1) return false;
    else held = entry;
  }
  return held !== undefined;
}

/** What a reader is pushed for a stored event: the reason of a retraction is for auditors only. */
function publicView(event: AuditedEvent): [string, Record<string, unknown>] {
  if (event.type !== 'UpdateRetracted') return [event.type, event.data];
  const { reason: _auditorsOnly, ...data } = event.data;
  return [event.type, data];
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function span(values: number[]): string {
  const known = values.filter((value) => !Number.isNaN(value));
  if (known.length === 0) return 'n/a';
  return `${(Math.min(...known) / 1000).toFixed(2)} to ${(Math.max(...known) / 1000).toFixed(2)}`;
}

interface EditLog {
  posts: number;
  corrections: number;
  retractions: number;
  /** Writes the node answered 201. */
  answered: number;
  unanswered: number;
}

const newEditLog = (): EditLog => ({ posts: 0, corrections: 0, retractions: 0, answered: 0, unanswered: 0 });

/** What the test tells its editor: keep writing, and how to retract (every 15th write, once, never). */
interface EditorDesk {
  writing: boolean;
  retracting: 'often' | 'once' | 'never';
}

/** An editor posting, and now and then correcting or retracting an earlier post, until told to stop. */
async function editWhileWriting(storyUrl: string, token: string, desk: EditorDesk, log: EditLog): Promise<void> {
  const live: string[] = [];
  for (let index = 0; desk.writing; index++) {
    const retract = desk.retracting === 'once' || (desk.retracting === 'often' && index % 15 === 14);
    const write =
      retract && live.length > 2
        ? retraction(live.shift()!)
        : index % 4 === 3 && live.length > 0
          ? correction(live.at(-1)!, index)
          : post(index);
    try {
      const answer = await request(`${storyUrl}${write.path}`, 'POST', token, write.body, {
        'Idempotency-Key': `storm-${index}`,
      });
      if (answer.status === 201) {
        log[write.kind]++;
        log.answered++;
        if (write.kind === 'posts') live.push(`storm-${index}`);
        if (write.kind === 'retractions' && desk.retracting === 'once') desk.retracting = 'never';
      }
    } catch {
      log.unanswered++; // the node is down: try again shortly, as a newsroom client would
    }
    await sleep(EDIT_EVERY_MS);
  }
}

const post = (index: number) => ({
  kind: 'posts' as const,
  path: '/updates',
  body: { kind: 'report', body: `Storm post ${index}`, updateId: `storm-${index}` },
});
const correction = (updateId: string, index: number) => ({
  kind: 'corrections' as const,
  path: `/updates/${updateId}/corrections`,
  body: { body: `Corrected ${index}`, reason: 'typo' },
});
const retraction = (updateId: string) => ({
  kind: 'retractions' as const,
  path: `/updates/${updateId}/retraction`,
  body: { reason: 'not confirmed' },
});

/** Asks the readers' process how many are connected and resumed until the condition holds. */
async function waitForReaders(
  inbox: ReturnType<typeof messagesOf>,
  readers: ChildProcess,
  condition: (status: { connected: number; resumed: number }) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    readers.send({ type: 'status' });
    const status = (await inbox.next('status', 30_000)) as unknown as { connected: number; resumed: number };
    if (condition(status)) return;
    if (Date.now() > deadline) throw new Error(`readers still not back: ${JSON.stringify(status)}`);
    await sleep(500);
  }
}

/** The child's messages in order, awaited by type. */
function messagesOf(child: ChildProcess) {
  const queue: Array<Record<string, unknown>> = [];
  let wake = () => {};
  child.on('message', (message: Record<string, unknown>) => {
    queue.push(message);
    wake();
  });
  return {
    async next(type: string, timeoutMs: number): Promise<Record<string, unknown>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex((message) => message.type === type || message.type === 'failed');
        if (index >= 0) {
          const [message] = queue.splice(index, 1);
          if (message!.type === 'failed') throw new Error(`the readers' process failed: ${message!.message}`);
          return message!;
        }
        if (Date.now() > deadline) throw new Error(`no "${type}" from the readers' process in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
  };
}
