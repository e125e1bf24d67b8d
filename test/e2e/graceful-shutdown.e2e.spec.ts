import type { PublicEvent } from '../../src/live-blog/realtime/live-events.js';
import { type Cluster, postUpdate, readJson, sharedSqliteFile, startCluster, write } from '../support/cluster.js';
import { connectReader, range, type Reader, waitFor } from '../support/live.js';

const BLOG = 'shutdown-story';
const EDITORS = 8;
const READERS = 25;
/** Acknowledged posts before the node is told to stop: the burst is well under way. */
const ACKED_BEFORE_SIGTERM = 60;
const TEST_MS = 120_000;

interface ChangesPage {
  readonly events: PublicEvent[];
  readonly nextAfterRevision: number;
  readonly hasMore: boolean;
}

/**
 * Proves a SIGTERM stops a node without losing anything it acknowledged: in the middle of a burst
 * of posts from concurrent editors, the node answers what is in flight (201) and refuses what comes
 * after (503 or a closed connection), tells every connected reader goodbye (reason `shutdown`)
 * before closing its socket, closes the store, and exits 0; the next start has every acknowledged
 * post, at the revision it was acknowledged with, with contiguous revisions.
 */
describe('graceful shutdown on SIGTERM', () => {
  let cluster: Cluster;
  const store = sharedSqliteFile();
  const readers: Reader[] = [];
  afterAll(async () => {
    readers.forEach((reader) => reader.close());
    await cluster?.close();
    await store.drop();
  }, TEST_MS);

  it(
    'answers the writes in flight, says goodbye to every reader, exits 0, and the next start has every acknowledged write',
    async () => {
      cluster = await startCluster(store, 1);
      const node = cluster.nodes[0]!;
      expect((await write(node, cluster.editorToken, '', { id: BLOG, title: 'Shutdown' })).status).toBe(201);
      const disconnects: string[] = [];
      for (const _ of range(1, READERS)) {
        const reader = await connectReader(node.url);
        reader.socket.on('disconnect', (reason) => disconnects.push(reason));
        expect((await reader.subscribe(BLOG)).ok).toBe(true);
        readers.push(reader);
      }

      const acked = new Map<number, string>();
      const outcome = { ackedAfterSigterm: 0, refused503: 0, connectionClosed: 0, other: [] as number[] };
      let sigtermAt: number | undefined;
      const editor = async (editorIndex: number) => {
        for (let index = 0; ; index++) {
          const updateId = `e${editorIndex}-${index}`;
          let status: number;
          let revision: number | undefined;
          try {
            ({
              status,
              body: { revision },
            } = await postUpdate(node, cluster.editorToken, BLOG, updateId));
          } catch {
            // No answer: the node had closed the connection, so this write was never taken.
            expect(sigtermAt).toBeDefined();
            outcome.connectionClosed++;
            return;
          }
          if (status === 201) {
            acked.set(revision!, updateId);
            if (sigtermAt !== undefined) outcome.ackedAfterSigterm++;
          } else if (status === 503) {
            expect(sigtermAt).toBeDefined();
            outcome.refused503++;
            return;
          } else {
            outcome.other.push(status);
            return;
          }
        }
      };
      const editors = range(1, EDITORS).map(editor);
      await waitFor(() => acked.size >= ACKED_BEFORE_SIGTERM, 30_000, `${ACKED_BEFORE_SIGTERM} acknowledged posts`);
      sigtermAt = Date.now();
      await node.stop();
      const stoppedInMs = Date.now() - sigtermAt;
      await Promise.all(editors);

      expect(await node.exited).toBe(0);
      expect(outcome.other).toEqual([]);
      await waitFor(() => disconnects.length === READERS, 15_000, 'every reader disconnected');
      for (const reader of readers) expect(reader.goodbyes).toEqual([expect.objectContaining({ reason: 'shutdown' })]);
      // Then the server closed the socket (its disconnect packet, or the transport closing behind it):
      // either way the documented client reconnects, Socket.IO by itself after a transport close,
      // LiveBlogFollower and the live page after a server disconnect.
      expect(disconnects.filter((reason) => reason !== 'io server disconnect' && reason !== 'transport close')).toEqual(
        [],
      );

      const restarted = await cluster.add();
      const stored = new Map<number, PublicEvent>();
      for (let after = -1, more = true; more; ) {
        const page = await readJson<ChangesPage>(
          restarted,
          `/api/live-blogs/${BLOG}/changes?afterRevision=${after}&limit=500`,
        );
        for (const event of page.events) stored.set(event.revision, event);
        ({ nextAfterRevision: after, hasMore: more } = page);
      }
      const revisions = [...stored.keys()];
      expect(revisions).toEqual(range(0, revisions.length - 1));
      const missing = [...acked].filter(
        ([revision, updateId]) =>
          (stored.get(revision)?.data as { updateId?: string } | undefined)?.updateId !== updateId,
      );
      expect(missing).toEqual([]);
      console.log(
        `graceful shutdown: ${acked.size} writes acknowledged (${outcome.ackedAfterSigterm} after SIGTERM, in flight), ` +
          `all ${acked.size} found after the restart with contiguous revisions 0..${revisions.length - 1}; ` +
          `${outcome.refused503} refused with 503 and ${outcome.connectionClosed} unanswered after SIGTERM; ` +
          `${READERS}/${READERS} readers got goodbye; exit 0 ${stoppedInMs} ms after SIGTERM`,
      );
    },
    TEST_MS,
  );
});
