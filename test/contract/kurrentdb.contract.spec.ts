import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { InvalidCheckpoint, RedactionUnsupported } from '../../src/event-store/errors.js';
import type { Checkpoint, RecordedEvent } from '../../src/event-store/event-store.js';
import { KurrentDbEventStore, openKurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { StreamNames } from '../../src/event-store/kurrentdb/kurrentdb-mapping.js';
import { eventStoreContract } from './event-store.contract.js';

/**
 * The whole contract against a real KurrentDB server, e.g.
 * `KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false' npm test`. Each store gets its own namespace
 * on that server, so every test starts from an empty store and reopening finds the same one.
 */
const url = process.env.KURRENTDB_URL?.trim();

if (url) {
  let namespace = '';
  eventStoreContract(
    'kurrentdb',
    () => openKurrentDbEventStore(url, { namespace: (namespace = `t${randomUUID().slice(0, 8)}-`) }),
    (options) => openKurrentDbEventStore(url, { namespace, ...options }),
  );
} else {
  const reason = 'KURRENTDB_URL is not set (no KurrentDB server to run against)';
  console.warn(`skipping "kurrentdb keeps the EventStore contract": ${reason}`);
  describe.skip(`kurrentdb keeps the EventStore contract (skipped: ${reason})`, () => {
    it('runs only against a real server', () => undefined);
  });
}

describe('kurrentdb store without a server', () => {
  const nowhere = 'kurrentdb://127.0.0.1:1?tls=false';
  /** A store as the factory would give it, on a client whose server never answers. */
  const unreachable = () =>
    new KurrentDbEventStore(KurrentDBClient.connectionString(nowhere), new StreamNames(), 'epoch');

  it('fails to open with a reason when nothing answers, instead of hanging', async () => {
    await expect(openKurrentDbEventStore(nowhere)).rejects.toThrow(/^cannot open the KurrentDB event store \(\w+/);
  });

  it('refuses a checkpoint it did not make before asking the server', async () => {
    const store = unreachable();
    const foreign = '0000000000000042' as Checkpoint; // a SQLite checkpoint
    await expect(store.readAll({ after: foreign })).rejects.toThrow(InvalidCheckpoint);
    expect(() => store.subscribeToAll({ after: foreign })).toThrow(InvalidCheckpoint);
    await store.close();
  });

  it('refuses a redaction before asking the server: its events are immutable', async () => {
    const store = unreachable();
    const event = { eventId: randomUUID(), type: 'UpdateRedacted', data: {}, metadata: {} };
    const rewrite = { eventId: randomUUID(), revision: 1, data: {}, metadata: {} };
    await expect(store.redact('liveblog-x', [event], { expectedRevision: 1, rewrites: [rewrite] })).rejects.toThrow(
      RedactionUnsupported,
    );
    await store.close();
  });

  it('keeps a live subscription waiting through failed connections, and completes it on close', async () => {
    const store = unreachable();
    const received: RecordedEvent[] = [];
    const ended = new Promise<string>((resolve) => {
      const next = (event: RecordedEvent) => received.push(event);
      store.subscribeToAll().subscribe({ next, error: () => resolve('error'), complete: () => resolve('complete') });
    });
    await new Promise((resolve) => setTimeout(resolve, 2500)); // past a failed attempt and a resumption
    await store.close();
    expect(await ended).toBe('complete');
    expect(received).toEqual([]);
  });
});
