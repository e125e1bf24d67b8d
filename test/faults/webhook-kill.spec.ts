/**
 * Webhooks survive SIGKILL (issue 19): a node (`node dist/main.js` on a SQLite file) delivers to a
 * slow receiver while editors post 30 updates; it is killed mid-burst and restarted on the same
 * store. Every post answered 201 reaches the receiver, and the first delivery of each message comes
 * in revision order. Prints what it reached, e.g.
 *   "webhook kill: 14 acknowledged before SIGKILL (9 delivered by then), 14 of them delivered once restarted, 1 sent twice"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLUSTER_SECRET, sharedSqliteFile, type SharedStore } from '../support/cluster.js';
import { waitFor } from '../support/live.js';
import { startNode, type NodeProcess } from '../support/node-process.js';
import { signToken } from '../support/tokens.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';

const STORY = 'webhook-kill';
const POSTS = 30;
const EDITORS = 3;
const KILL_AFTER = 12;

const admin = signToken(CLUSTER_SECRET, { sub: 'grace', name: 'Grace Admin', role: 'admin' });
const editor = signToken(CLUSTER_SECRET, { sub: 'rayhan', name: 'Rayhan Demytrie', role: 'editor' });

async function call(node: NodeProcess, path: string, token: string, body: unknown) {
  const response = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('webhook delivery across a SIGKILL of the sender', () => {
  let store: SharedStore;
  let dataDir: string;
  let receiver: Receiver;
  const nodes: NodeProcess[] = [];
  const start = async () => {
    const node = await startNode({
      env: {
        EVENT_STORE: store.eventStore,
        DATA_DIR: dataDir,
        AUTH_SECRET: CLUSTER_SECRET,
        SEED: 'false',
        WRITE_RATE_LIMIT: '0',
        READ_RATE_LIMIT: '0',
        WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      },
    });
    nodes.push(node);
    return node;
  };

  beforeAll(async () => {
    store = sharedSqliteFile();
    dataDir = mkdtempSync(join(tmpdir(), 'dateline-webhook-kill-'));
    // Slower than the editors: messages queue up, so the kill leaves acknowledged posts undelivered.
    receiver = await startReceiver(() => ({ status: 204, delayMs: 25 }));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    await receiver.close();
    await store.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every acknowledged post after the restart, first deliveries in revision order', async () => {
    const first = await start();
    const registered = await call(first, '/api/webhooks', admin, { url: receiver.url, events: ['update.posted'] });
    expect(registered.status).toBe(201);
    expect((await call(first, '/api/live-blogs', editor, { id: STORY, title: 'Kill' })).status).toBe(201);

    const acknowledged = new Map<string, number>();
    let next = 0;
    const editorLoop = async () => {
      while (next < POSTS) {
        const updateId = `u${++next}`;
        try {
          const posted = await call(first, `/api/live-blogs/${STORY}/updates`, editor, {
            kind: 'report',
            body: updateId,
            updateId,
          });
          if (posted.status === 201) acknowledged.set(updateId, posted.body.revision as number);
        } catch {
          return; // the node is gone
        }
      }
    };
    const editors = Array.from({ length: EDITORS }, editorLoop);
    await waitFor(() => acknowledged.size >= KILL_AFTER, 20_000, `${KILL_AFTER} posts acknowledged`);
    await first.kill();
    await Promise.all(editors);
    const deliveredBeforeKill = new Set(receiver.delivered.map((message) => message.id)).size;
    expect(deliveredBeforeKill).toBeLessThan(acknowledged.size);

    await start();
    const deliveredIds = () => new Set(receiver.delivered.map((message) => String(message.json.data.updateId)));
    await waitFor(
      () => [...acknowledged.keys()].every((updateId) => deliveredIds().has(updateId)),
      30_000,
      'every acknowledged post delivered',
    );

    const firstDeliveries = new Map<string, number>();
    for (const message of receiver.delivered) {
      if (!firstDeliveries.has(message.id)) firstDeliveries.set(message.id, Number(message.json.data.revision));
    }
    const revisions = [...firstDeliveries.values()];
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    for (const [updateId, revision] of acknowledged) {
      const message = receiver.delivered.find((m) => m.json.data.updateId === updateId);
      expect(message?.json.data.revision).toBe(revision);
    }
    const twice = receiver.delivered.length - firstDeliveries.size;
    console.log(
      `webhook kill: ${acknowledged.size} acknowledged before SIGKILL (${deliveredBeforeKill} delivered by then), ` +
        `${[...acknowledged.keys()].filter((id) => deliveredIds().has(id)).length} of them delivered once restarted, ` +
        `${twice} sent twice`,
    );
  }, 90_000);
});
