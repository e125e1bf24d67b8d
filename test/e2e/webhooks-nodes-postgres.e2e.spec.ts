import pg from 'pg';
import {
  CLUSTER_SECRET,
  postUpdate,
  sharedPostgresSchema,
  startCluster,
  write,
  type Cluster,
  type SharedStore,
} from '../support/cluster.js';
import { sleep, waitFor } from '../support/live.js';
import { describeWithPostgres, TEST_POSTGRES_URL } from '../support/postgres.js';
import { signToken } from '../support/tokens.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';

const BLOG = 'webhook-nodes';
const NODES_MS = 90_000;
const admin = signToken(CLUSTER_SECRET, { sub: 'grace', name: 'Grace Admin', role: 'admin' });

/** DESIGN §4d: with several nodes on one store, one node at a time delivers an endpoint (a lease in PostgreSQL). */
await describeWithPostgres('webhooks from two nodes on one PostgreSQL database', () => {
  let store: SharedStore;
  let cluster: Cluster;
  let receiver: Receiver;
  let webhookId: string;

  beforeAll(async () => {
    store = sharedPostgresSchema();
    cluster = await startCluster(store, 2, { env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
    receiver = await startReceiver();
    const registered = await fetch(`${cluster.nodes[0]!.url}/api/webhooks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: ['update.posted'] }),
    });
    expect(registered.status).toBe(201);
    webhookId = ((await registered.json()) as { id: string }).id;
    expect((await write(cluster.nodes[0]!, cluster.editorToken, '', { id: BLOG, title: 'Two nodes' })).status).toBe(
      201,
    );
  }, NODES_MS);
  afterAll(async () => {
    await cluster.close();
    await receiver.close();
    await store.drop();
  }, NODES_MS);

  it(
    'delivers each of 10 posts, written on either node, exactly once and in order',
    async () => {
      for (let n = 1; n <= 10; n++) {
        expect((await postUpdate(cluster.nodes[n % 2]!, cluster.editorToken, BLOG, `u${n}`)).status).toBe(201);
      }
      await receiver.waitForDelivered(10, 15_000);
      // Long enough for a second sender, were there one, to have sent its copies.
      await sleep(3000);
      expect(receiver.requests).toHaveLength(10);
      expect(new Set(receiver.requests.map((message) => message.id)).size).toBe(10);
      expect(receiver.requests.map((message) => message.json.data.updateId)).toEqual(
        Array.from({ length: 10 }, (_, index) => `u${index + 1}`),
      );
    },
    NODES_MS,
  );

  it(
    'moves the endpoint to the other node when the one delivering it is killed',
    async () => {
      const holder = await leaseHolder(store, webhookId);
      const delivering = cluster.nodes.findIndex((node) => holder?.split('/')[1] === String(node.pid));
      expect(delivering).toBeGreaterThanOrEqual(0);
      await cluster.nodes[delivering]!.kill();
      const survivor = cluster.nodes[1 - delivering]!;
      const before = receiver.delivered.length;
      for (let n = 11; n <= 13; n++) {
        expect((await postUpdate(survivor, cluster.editorToken, BLOG, `u${n}`)).status).toBe(201);
      }
      // The killed node's lease runs out within 15 s; the survivor's worker then takes the endpoint over.
      await waitFor(() => receiver.delivered.length >= before + 3, 30_000, 'the survivor to deliver');
      expect(receiver.delivered.slice(before).map((message) => message.json.data.updateId)).toEqual([
        'u11',
        'u12',
        'u13',
      ]);
    },
    NODES_MS,
  );
});

async function leaseHolder(store: SharedStore, webhookId: string): Promise<string | null> {
  const schema = new URL(store.eventStore).searchParams.get('schema');
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const found = await client.query(`SELECT holder FROM "${schema}".cluster_leases WHERE name = $1`, [
      `webhook:${webhookId}`,
    ]);
    return found.rows[0]?.holder ?? null;
  } finally {
    await client.end();
  }
}
