import type { RecordedEvent } from '../../src/event-store/event-store.js';
import {
  envelope,
  isStoredEvent,
  toStoredEvent,
  UnreadableEnvelope,
} from '../../src/live-blog/application/envelope.js';
import { chainHash, contentHashOf } from '../../src/live-blog/application/hash-chain.js';
import * as f from '../support/factories.js';
import { recorded } from '../support/recorded.js';

const AT = '2010-04-08T06:03:00.000Z';
const AUTHOR = { id: 'editor-1', name: 'Editor One', role: 'editor' } as const;

describe('the envelope', () => {
  it("chains a batch from the stream's last hash and names who wrote it", () => {
    // given
    const events = [f.posted({ updateId: 'u1' }), f.posted({ updateId: 'u2' })];
    // when
    const context = { author: AUTHOR, correlationId: 'c1' };
    const [first, second] = envelope(events, { prevHash: 'abc', at: AT }, context, (index) => `id-${index}`);
    // then
    const contentHash = contentHashOf({ type: 'UpdatePosted', data: events[0]!.data, at: AT, author: AUTHOR });
    expect(first).toMatchObject({ eventId: 'id-0', type: 'UpdatePosted', data: events[0]!.data });
    expect(first!.metadata).toStrictEqual({
      at: AT,
      author: AUTHOR,
      correlationId: 'c1',
      schemaVersion: 1,
      contentHash,
      prevHash: 'abc',
      hash: chainHash('abc', contentHash),
    });
    expect(second).toMatchObject({
      eventId: 'id-1',
      metadata: { prevHash: first!.metadata.hash, correlationId: 'c1' },
    });
  });

  it('reads back what it wrote, and refuses metadata it did not write', () => {
    // given
    const [stored] = recorded(f.opened());
    const stripped: RecordedEvent = { ...stored!, metadata: { at: stored!.metadata.at } };
    const author = { id: 'x', name: 'X', role: 'god' };
    const foreignAuthor: RecordedEvent = { ...stored!, metadata: { ...stored!.metadata, author } };
    // when / then
    expect(toStoredEvent(stored!)).toBe(stored);
    expect(isStoredEvent(stripped)).toBe(false);
    expect(isStoredEvent(foreignAuthor)).toBe(false);
    expect(() => toStoredEvent(stripped)).toThrow(UnreadableEnvelope);
  });
});
