import type { RecordedEvent } from '../../src/event-store/event-store.js';
import {
  envelope,
  isStoredEvent,
  toStoredEvent,
  UnreadableEnvelope,
} from '../../src/live-blog/application/envelope.js';
import { chainHash, fieldHashOf, saltedContentHashOf } from '../../src/live-blog/application/hash-chain.js';
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
    const { salts } = first!.metadata;
    const input = { type: 'UpdatePosted', data: events[0]!.data, at: AT, author: AUTHOR };
    const contentHash = saltedContentHashOf(input, salts!)!;
    expect(first).toMatchObject({ eventId: 'id-0', type: 'UpdatePosted', data: events[0]!.data });
    expect(first!.metadata).toStrictEqual({
      at: AT,
      author: AUTHOR,
      correlationId: 'c1',
      schemaVersion: 2,
      salts: { body: expect.stringMatching(/^[0-9a-f]{32}$/) },
      contentHash,
      prevHash: 'abc',
      hash: chainHash('abc', contentHash),
    });
    expect(second).toMatchObject({
      eventId: 'id-1',
      metadata: { prevHash: first!.metadata.hash, correlationId: 'c1' },
    });
  });

  it('never gives two fields the same salt, however many events it salts', () => {
    // given: more salts than one fill of the random bytes holds (256)
    const full = f.posted({ byline: 'Rayhan Demytrie', media: { url: 'https://example.com/m.jpg', caption: 'Osh' } });
    // when
    const batch = envelope(
      Array.from({ length: 300 }, () => full),
      { prevHash: '', at: AT },
      { author: AUTHOR },
    );
    // then
    const salts = batch.flatMap((event) => Object.values(event.metadata.salts!));
    expect(salts).toHaveLength(900);
    expect(salts.every((salt) => /^[0-9a-f]{32}$/.test(salt))).toBe(true);
    expect(new Set(salts).size).toBe(900);
  });

  it('salts each redactable field apart, afresh for every event, and hashes the rest as it stands', () => {
    // given: an update whose text fields are all set, posted twice with the same text
    const full = f.posted({ byline: 'Rayhan Demytrie', media: { url: 'https://example.com/m.jpg', caption: 'Osh' } });
    const context = { author: AUTHOR };
    // when
    const [one] = envelope([full], { prevHash: '', at: AT }, context);
    const [two] = envelope([full], { prevHash: '', at: AT }, context);
    // then: one salt per text field present, none for the kind or the url; never the same twice
    expect(Object.keys(one!.metadata.salts!).sort()).toStrictEqual(['body', 'byline', 'media.caption']);
    expect(one!.metadata.salts!.body).not.toBe(two!.metadata.salts!.body);
    expect(one!.metadata.contentHash).not.toBe(two!.metadata.contentHash);
    // and the hash commits to each field through its own salt: another body gives another hash
    const input = { type: full.type, data: { ...full.data, body: 'Another body.' }, at: AT, author: AUTHOR };
    expect(saltedContentHashOf(input, one!.metadata.salts!)).not.toBe(one!.metadata.contentHash);
    // and with the body's commitment in place of its salt, the event still hashes to what was stored
    const { body: bodySalt, ...otherSalts } = one!.metadata.salts!;
    const committed = { body: fieldHashOf(bodySalt!, full.data.body) };
    expect(saltedContentHashOf(input, otherSalts, committed)).toBe(one!.metadata.contentHash);
    // but not without it: a salted field that has neither salt nor commitment hashes to nothing
    expect(saltedContentHashOf(input, otherSalts)).toBeNull();
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
