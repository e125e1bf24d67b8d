import { InvalidCheckpoint } from '../../src/event-store/errors.js';
import type { Checkpoint } from '../../src/event-store/event-store.js';
import { openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

describe('SQLite checkpoints', () => {
  it('are the position zero-padded to 16 digits, and parse back', async () => {
    // given
    const store = await openSqliteEventStore(':memory:');
    const first = await store.append('liveblog-alpha', [{ eventId: 'e1', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    await store.append('liveblog-alpha', [{ eventId: 'e2', type: 'T', data: {}, metadata: {} }], {
      expectedRevision: 0,
    });
    // when
    const after = await store.readAll({ after: '0000000000000001' as Checkpoint });
    // then
    expect(first).toEqual({ nextRevision: 1, position: 1, checkpoint: '0000000000000001' });
    expect(after.map((event) => [event.eventId, event.checkpoint])).toEqual([['e2', '0000000000000002']]);
    await store.close();
  });

  it("refuse 16 digits past the safe integers and another adapter's shape", async () => {
    // given
    const store = await openSqliteEventStore(':memory:');
    // when / then
    for (const foreign of ['9999999999999999', '00000000000000000001-00000000000000000001', '000000000000001']) {
      await expect(store.readAll({ after: foreign as Checkpoint })).rejects.toBeInstanceOf(InvalidCheckpoint);
    }
    await store.close();
  });
});
