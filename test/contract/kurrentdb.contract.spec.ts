import { randomUUID } from 'node:crypto';
import { openKurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
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
    () => openKurrentDbEventStore(url, { namespace }),
  );
} else {
  const reason = 'KURRENTDB_URL is not set (no KurrentDB server to run against)';
  console.warn(`skipping "kurrentdb keeps the EventStore contract": ${reason}`);
  describe.skip(`kurrentdb keeps the EventStore contract (skipped: ${reason})`, () => {
    it('runs only against a real server', () => undefined);
  });
}

describe('kurrentdb store without a server', () => {
  it('fails to open with a reason when nothing answers, instead of hanging', async () => {
    const opening = openKurrentDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
    await expect(opening).rejects.toThrow(/^cannot open the KurrentDB event store \(\w+/);
  });
});
