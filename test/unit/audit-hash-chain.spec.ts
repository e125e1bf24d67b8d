import type { RecordedEvent } from '../../src/event-store/event-store.js';
import type { StoredEvent } from '../../src/live-blog/application/envelope.js';
import { chainStart, checkLink, reportOf, verifyChain } from '../../src/audit/hash-chain-verifier.js';
import { chainHash, contentHashOf, saltedContentHashOf } from '../../src/live-blog/application/hash-chain.js';
import * as f from '../support/factories.js';
import { recorded } from '../support/recorded.js';

const story = () =>
  recorded(
    f.opened(),
    f.posted(),
    f.posted({ updateId: 'u2' }),
    f.posted({ updateId: 'u3', body: 'Crowds in Osh.' }),
    f.figures(),
    f.retracted(),
    f.closed(),
  );

/** The event at `revision`, changed by `change`; the rest as stored. */
type Change = (event: StoredEvent) => RecordedEvent;

function altered(events: StoredEvent[], revision: number, change: Change): RecordedEvent[] {
  return events.map((event) => (event.revision === revision ? change(event) : event));
}

const withMetadata = (event: RecordedEvent, metadata: Record<string, unknown>) => ({
  ...event,
  metadata: { ...event.metadata, ...metadata },
});

describe('the hash chain verifier', () => {
  it('accepts an untouched chain and counts every event', () => {
    expect(verifyChain(story())).toStrictEqual({ ok: true, checked: 7 });
  });

  it('accepts an empty stream', () => {
    expect(verifyChain([])).toStrictEqual({ ok: true, checked: 0 });
  });

  it('points at an event whose data was altered, and still counts the rest', () => {
    const events = altered(story(), 3, (event) => ({ ...event, data: { ...event.data, body: 'altered' } }));
    expect(verifyChain(events)).toStrictEqual({ ok: false, checked: 7, firstBrokenRevision: 3, problem: 'content' });
  });

  it.each([
    ['at', { at: '2010-04-08T06:03:30Z' }],
    ['author', { author: { id: 'someone-else', name: 'Someone Else', role: 'editor' } }],
  ])('points at an event whose %s was altered', (_, metadata) => {
    expect(verifyChain(altered(story(), 2, (event) => withMetadata(event, metadata)))).toMatchObject({
      ok: false,
      firstBrokenRevision: 2,
      problem: 'content',
    });
  });

  it('points at an event whose type was altered', () => {
    const events = altered(story(), 5, (event) => ({ ...event, type: 'UpdateCorrected' }));
    expect(verifyChain(events)).toMatchObject({ firstBrokenRevision: 5, problem: 'content' });
  });

  it('points at a deleted revision, the first one included', () => {
    expect(verifyChain(story().filter((event) => event.revision !== 4))).toStrictEqual({
      ok: false,
      checked: 6,
      firstBrokenRevision: 4,
      problem: 'missing',
    });
    expect(verifyChain(story().slice(1))).toMatchObject({ firstBrokenRevision: 0, problem: 'missing' });
  });

  it('points at the event after one that was altered and hashed again: its link no longer holds', () => {
    const events = altered(story(), 3, (event) => {
      const data = { ...event.data, body: 'altered' };
      const { metadata } = event;
      const input = { type: event.type, data, at: metadata.at, author: metadata.author };
      const contentHash = saltedContentHashOf(input, metadata.salts ?? {})!;
      return { ...withMetadata(event, { contentHash, hash: chainHash(metadata.prevHash, contentHash) }), data };
    });
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBrokenRevision: 4, problem: 'link' });
  });

  it('points at an event whose prevHash or hash was altered', () => {
    expect(
      verifyChain(altered(story(), 2, (event) => withMetadata(event, { prevHash: 'f'.repeat(64) }))),
    ).toMatchObject({ firstBrokenRevision: 2, problem: 'link' });
    expect(verifyChain(altered(story(), 6, (event) => withMetadata(event, { hash: 'f'.repeat(64) })))).toMatchObject({
      firstBrokenRevision: 6,
      problem: 'link',
    });
  });

  it('treats an event without hashes as broken', () => {
    const events = altered(story(), 1, (event) => ({ ...event, metadata: { at: event.metadata.at } }));
    expect(verifyChain(events)).toMatchObject({ firstBrokenRevision: 1, problem: 'content' });
  });

  it('still verifies events stored under hashing schema 1 (unsalted), and catches a change to them', () => {
    // given: the story as stored before salting, hashed the schema-1 way
    let prevHash = '';
    const old = story().map((event) => {
      const { salts: _none, ...metadata } = event.metadata;
      const contentHash = contentHashOf({
        type: event.type,
        data: event.data,
        at: metadata.at,
        author: metadata.author,
      });
      const hash = chainHash(prevHash, contentHash);
      const v1 = { ...event, metadata: { ...metadata, schemaVersion: 1, contentHash, prevHash, hash } };
      prevHash = hash;
      return v1;
    });
    // then
    expect(verifyChain(old)).toStrictEqual({ ok: true, checked: 7 });
    const body = altered(old, 3, (event) => ({ ...event, data: { ...event.data, body: 'altered' } }));
    expect(verifyChain(body)).toMatchObject({ ok: false, firstBrokenRevision: 3, problem: 'content' });
    // and a schema-2 event relabelled as schema 1 does not pass either
    expect(verifyChain(altered(story(), 3, (event) => withMetadata(event, { schemaVersion: 1 })))).toMatchObject({
      firstBrokenRevision: 3,
      problem: 'content',
    });
  });

  it('points at an event whose salt was altered or removed: each salted field is committed to by its own salt', () => {
    expect(
      verifyChain(altered(story(), 1, (event) => withMetadata(event, { salts: { body: '0'.repeat(32) } }))),
    ).toMatchObject({
      firstBrokenRevision: 1,
      problem: 'content',
    });
    expect(verifyChain(altered(story(), 1, (event) => withMetadata(event, { salts: {} })))).toMatchObject({
      firstBrokenRevision: 1,
      problem: 'content',
    });
  });

  it('gives the same report checked page by page', () => {
    const events = altered(story(), 5, (event) => ({ ...event, data: { ...event.data, reason: 'altered' } }));
    const progress = events.slice(3).reduce(checkLink, events.slice(0, 3).reduce(checkLink, chainStart));
    expect(reportOf(progress)).toStrictEqual(verifyChain(events));
  });
});
