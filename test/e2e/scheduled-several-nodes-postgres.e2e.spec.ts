import { CLUSTER_SECRET, readJson, startCluster, write, type Cluster } from '../support/cluster.js';
import { sharedPostgresSchema, type SharedStore } from '../support/cluster.js';
import { sleep } from '../support/live.js';
import { describeWithPostgres } from '../support/postgres.js';
import { signToken } from '../support/tokens.js';

const BLOG = 'scheduled-nodes';
const UPDATES = 6;
const auditor = signToken(CLUSTER_SECRET, { sub: 'auditor', name: 'Ann Auditor', role: 'auditor' });

/**
 * Both nodes hold every scheduled update in their views and both try to publish each at its time
 * (the same instant for all six): the store takes one publication of each, whichever node made it.
 */
await describeWithPostgres('scheduled updates on two app processes sharing one PostgreSQL database', () => {
  let store: SharedStore;
  let cluster: Cluster;
  beforeEach(async () => {
    store = sharedPostgresSchema();
    cluster = await startCluster(store, 2);
  }, 90_000);
  afterEach(async () => {
    await cluster.close();
    await store.drop();
  }, 90_000);

  it('publishes each scheduled update once', async () => {
    const [first, second] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    expect((await write(first, cluster.editorToken, '', { id: BLOG, title: 'Two nodes' })).status).toBe(201);
    const publishAt = new Date(Date.now() + 4000).toISOString();
    for (let index = 0; index < UPDATES; index++) {
      const node = index % 2 === 0 ? first : second;
      const body = { updateId: `s${index}`, kind: 'statement', body: `Statement ${index}`, publishAt };
      expect((await write(node, cluster.editorToken, `/${BLOG}/updates`, body)).status).toBe(201);
    }
    await sleep(Date.parse(publishAt) - Date.now() + 4000);

    for (const node of cluster.nodes) {
      const article = (await readJson(node, `/api/live-blogs/${BLOG}`)) as { updates: { updateId: string }[] };
      expect(article.updates.map((update) => update.updateId).sort()).toEqual(
        Array.from({ length: UPDATES }, (_, index) => `s${index}`),
      );
    }
    const response = await fetch(`${first.url}/api/live-blogs/${BLOG}/events?limit=1000`, {
      headers: { Authorization: `Bearer ${auditor}` },
    });
    const { events } = (await response.json()) as { events: { type: string; data: { updateId?: string } }[] };
    const posted = events.filter((event) => event.type === 'UpdatePosted').map((event) => event.data.updateId);
    expect(posted).toHaveLength(UPDATES);
    expect(new Set(posted).size).toBe(UPDATES);
  }, 60_000);
});
