import { createHash } from 'node:crypto';
import pg from 'pg';
import { firstValueFrom, take, timeout, toArray, type Observable, type Subscription } from 'rxjs';
import { compareCheckpoints, type RecordedEvent } from '../../src/event-store/event-store.js';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { queriesFor } from '../../src/event-store/postgres/postgres-queries.js';
import { schemaNames } from '../../src/event-store/postgres/postgres-schema.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';

const schemas = new TestSchemas();
const stores: PostgresEventStore[] = [];
const clients: pg.Client[] = [];
const subscriptions: Subscription[] = [];
afterEach(async () => {
  subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(clients.splice(0).map((client) => client.end()));
});
afterAll(() => schemas.dropAll());

async function open(schema: string): Promise<PostgresEventStore> {
  const store = await schemas.open(schema);
  stores.push(store);
  return store;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  clients.push(client);
  return client;
}

/** Everything a subscriber receives, as it arrives. */
function record(events: Observable<RecordedEvent>): RecordedEvent[] {
  const seen: RecordedEvent[] = [];
  subscriptions.push(events.subscribe((event) => seen.push(event)));
  return seen;
}

function collect(events: Observable<RecordedEvent>, count: number, ms = 10_000): Promise<RecordedEvent[]> {
  return firstValueFrom(events.pipe(take(count), toArray(), timeout({ first: ms })));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = (eventId: string) => ({ eventId, type: 'UpdatePosted', data: { body: eventId }, metadata: {} });

/**
 * Opens a transaction on its own connection and appends through the adapter's own append call
 * (position, transaction id and notification as an append makes them), without committing.
 */
async function openTransaction(schema: string, options: { takeTransactionIdFirst: boolean }) {
  const client = await connect();
  await client.query('BEGIN');
  if (options.takeTransactionIdFirst) await client.query('SELECT pg_current_xact_id()');
  const names = schemaNames(schema);
  return {
    insert: async (stream: string, eventId: string) => {
      const lockKey = createHash('sha256').update(stream).digest().readBigInt64BE().toString();
      const { rows } = await client.query<{ position: string }>(queriesFor(names).append, [
        lockKey,
        stream,
        -1,
        2 ** 31 - 1,
        [eventId],
        ['UpdatePosted'],
        [JSON.stringify({ body: eventId })],
        ['{}'],
        names.channel,
      ]);
      return Number(rows[0].position);
    },
    commit: () => client.query('COMMIT'),
  };
}

function expectFeedOrder(events: readonly RecordedEvent[]): void {
  events
    .slice(1)
    .forEach((current, index) => expect(compareCheckpoints(events[index].checkpoint, current.checkpoint)).toBe(-1));
}

await describeWithPostgres('the PostgreSQL feed', () => {
  describe('when transactions commit out of position order', () => {
    // A reader that moved past the later position would skip the earlier one for ever with a plain sequence.
    it('holds back a committed event until the transaction with the lower position commits, then delivers both', async () => {
      const schema = schemas.next();
      const store = await open(schema);
      const live = record(store.subscribeToAll());
      const slow = await openTransaction(schema, { takeTransactionIdFirst: false });
      const lowerPosition = await slow.insert('liveblog-slow', 'slow');
      const fast = await store.append('liveblog-fast', [event('fast')], { expectedRevision: 'no_stream' });
      expect(fast.position).toBeGreaterThan(lowerPosition);

      await sleep(600); // two polls and the notification: the fast event is committed but must not be out yet
      expect(live).toEqual([]);
      expect(await store.readAll()).toEqual([]); // after waiting a while for the open transaction

      await slow.commit();
      const both = await collect(store.subscribeToAll(), 2);
      await waitFor(() => live.length >= 2);
      expect(live.map((e) => [e.eventId, e.position])).toEqual([
        ['slow', lowerPosition],
        ['fast', fast.position],
      ]);
      expect(live).toEqual(both);
      expectFeedOrder(live);
      await sleep(300);
      expect(live).toHaveLength(2);
    });

    it('delivers in transaction order, not position order, when the older transaction writes last', async () => {
      const schema = schemas.next();
      const store = await open(schema);
      const live = record(store.subscribeToAll());
      const older = await openTransaction(schema, { takeTransactionIdFirst: true });
      const fast = await store.append('liveblog-fast', [event('fast')], { expectedRevision: 'no_stream' });
      const higherPosition = await older.insert('liveblog-older', 'older');
      expect(higherPosition).toBeGreaterThan(fast.position);

      await sleep(600);
      expect(live).toEqual([]);
      await older.commit();
      await waitFor(() => live.length >= 2);
      expect(live.map((e) => e.eventId)).toEqual(['older', 'fast']);
      expect(live[1].checkpoint).toBe(fast.checkpoint);
      expectFeedOrder(live);
      expect(await store.readAll()).toEqual(live);
    });
  });

  it('hands every event of many concurrent appenders on two nodes to a subscriber once, as the table holds them', async () => {
    const schema = schemas.next();
    const [nodeA, nodeB, reader] = [await open(schema), await open(schema), await open(schema)];
    const feed = collect(reader.subscribeToAll(), 400, 15_000);
    const appender = async (node: PostgresEventStore, editor: number) => {
      for (let i = 0; i < 50; i++) {
        await node.append(`liveblog-story-${(editor + i) % 5}`, [event(`editor-${editor}-${i}`)], {
          expectedRevision: 'any',
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, editor) => appender(editor % 2 ? nodeA : nodeB, editor)));
    const delivered = await feed;

    const table = await (await connect()).query<{ event_id: string }>(
      `SELECT event_id FROM "${schema}".events ORDER BY transaction_id, position`,
    );
    expect(delivered.map((e) => e.eventId)).toEqual(table.rows.map((row) => row.event_id));
    expect(new Set(delivered.map((e) => e.eventId)).size).toBe(400);
    expectFeedOrder(delivered);
    for (let story = 0; story < 5; story++) {
      const revisions = delivered.filter((e) => e.stream === `liveblog-story-${story}`).map((e) => e.revision);
      expect(revisions).toEqual(revisions.map((_, index) => index));
    }
    expect(await collect(nodeA.subscribeToAll(), 400)).toEqual(delivered);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
