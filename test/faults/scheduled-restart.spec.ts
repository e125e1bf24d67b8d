/**
 * Scheduled updates across a crash (issue 22): updates are scheduled a few seconds ahead, one is
 * cancelled, and the node is killed with SIGKILL at once. One update's time passes while the node
 * is down: it goes out as soon as the node is back. The other's comes after the restart: it goes out
 * at its time. A reader following the story across the restart, and the article, hold each exactly
 * once; the cancelled one never appears.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';
import type { PublicEvent } from '../../src/live-blog/realtime/live-events.js';
import { sharedSqliteFile } from '../support/cluster.js';
import { sleep, waitFor } from '../support/live.js';
import type { NodeProcess } from '../support/node-process.js';
import { faultToken, request, startFaultNode, storedEvents } from './support/fault-node.js';

const STORY = 'scheduled-crash';
const RUN_MS = 120_000;
/** Far enough ahead that the restarted node is up before it, even on a busy machine. */
const ON_TIME_S = 30;

describe('crash: scheduled updates survive kill -9 and a restart', () => {
  it(
    'publishes an overdue one at once, a later one at its time, each once, and a cancelled one never',
    async () => {
      const store = sharedSqliteFile();
      const dataDir = mkdtempSync(join(tmpdir(), 'dateline-scheduled-crash-'));
      const editor = faultToken('editor', 'Rayhan Demytrie');
      const auditor = faultToken('auditor', 'Ann Auditor');
      let node: NodeProcess | undefined = await startFaultNode(store, dataDir);
      const port = node.port;
      const received: PublicEvent[] = [];
      const socket = connectLive(node.url, { forceNew: true });
      try {
        const api = `${node.url}/api/live-blogs/${STORY}`;
        const opened = await request(`${node.url}/api/live-blogs`, 'POST', editor, { id: STORY, title: 'Embargoes' });
        expect(opened.status).toBe(201);
        new LiveBlogFollower(socket, STORY, { onEvent: (event) => received.push(event) });
        await waitFor(() => socket.connected, 10_000, 'the socket');

        const start = Date.now();
        const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
        const schedule = (updateId: string, seconds: number) =>
          request(`${api}/updates`, 'POST', editor, {
            updateId,
            kind: 'statement',
            body: `Statement ${updateId}`,
            publishAt: at(seconds),
          });
        expect((await schedule('overdue', 4)).status).toBe(201);
        expect((await schedule('cancelled', 8)).status).toBe(201);
        expect((await schedule('on-time', ON_TIME_S)).status).toBe(201);
        expect((await request(`${api}/scheduled/cancelled`, 'DELETE', editor, {})).status).toBe(201);

        await node.kill();
        node = undefined;
        // Down past the first update's time.
        await sleep(Math.max(0, start + 6000 - Date.now()));
        node = await startFaultNode(store, dataDir, port);
        const restartedAt = Date.now();
        expect(restartedAt).toBeLessThan(start + ON_TIME_S * 1000);

        const published = (updateId: string) =>
          received.filter((event) => event.type === 'UpdatePosted' && event.data.updateId === updateId);
        await waitFor(() => published('overdue').length > 0, 20_000, 'the overdue update');
        expect(Date.now() - restartedAt).toBeLessThan(15_000);
        await waitFor(
          () => published('on-time').length > 0,
          Math.max(0, start + (ON_TIME_S + 15) * 1000 - Date.now()),
          'on time',
        );
        const onTime = published('on-time')[0]!;
        expect(Date.parse(onTime.at)).toBeGreaterThanOrEqual(Date.parse(at(ON_TIME_S)));
        expect(Date.parse(onTime.at) - Date.parse(at(ON_TIME_S))).toBeLessThan(3000);
        await sleep(1500);

        expect(published('overdue')).toHaveLength(1);
        expect(published('on-time')).toHaveLength(1);
        expect(published('cancelled')).toHaveLength(0);
        const article = await request(api, 'GET', undefined);
        const ids = (article.body.updates as { updateId: string }[]).map((update) => update.updateId).sort();
        expect(ids).toEqual(['on-time', 'overdue']);
        const stored = await storedEvents(node, STORY, auditor);
        const posts = stored.filter((event) => event.type === 'UpdatePosted').map((event) => event.data.updateId);
        expect(posts.sort()).toEqual(['on-time', 'overdue']);
        console.log(
          `scheduled crash: overdue out ${published('overdue')[0]!.at} (restart ${new Date(restartedAt).toISOString()}),` +
            ` on-time out ${onTime.at} for ${at(ON_TIME_S)}`,
        );
      } finally {
        socket.disconnect();
        await node?.kill();
        rmSync(dataDir, { recursive: true, force: true });
        await store.drop();
      }
    },
    RUN_MS,
  );
});
