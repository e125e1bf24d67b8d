import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { toAuditorView } from '../../src/audit/auditor-view.js';
import { verifyChain } from '../../src/audit/hash-chain-verifier.js';
import type { RecordedEvent } from '../../src/event-store/event-store.js';
import type { StoredEvent } from '../../src/live-blog/application/envelope.js';
import { contentHashOf, fieldHashOf, valueAt } from '../../src/live-blog/application/hash-chain.js';
import { redactedEvent, UnredactableEvent } from '../../src/live-blog/application/redaction-rewrites.js';
import { foldHistory, LiveBlogConflict, UpdateNotFound, type OpenedBlog } from '../../src/live-blog/domain/index.js';
import * as f from '../support/factories.js';
import { EDITOR, given, history, minutesAfterStart } from '../support/given.js';
import { recorded } from '../support/recorded.js';
import { InvalidCommand } from '../../src/kernel/index.js';

/** A name a court ordered removed, and the short list anyone would try. */
const NAME = 'Aizada Bekova';
const GUESSES = ['Aigerim Bekova', 'Aizada Bekova', 'Asel Bekova', 'Aizada Bakieva', 'Nurgul Bekova'];
const REPORTER = 'Rayhan Demytrie';
const BODY = `A girl, ${NAME}, 14, was hurt near the White House.`;
const REFERENCE = 'Court order 2010/117';
const PLACEHOLDER = `[redacted: ${REFERENCE}]`;

const story = () => [
  f.opened(),
  f.posted({
    body: BODY,
    byline: REPORTER,
    media: { url: 'https://example.com/p.jpg', caption: `${NAME} in Bishkek` },
  }),
  f.corrected({ body: `A girl, ${NAME}, 15, was hurt near the White House.`, reason: 'age' }),
  f.posted({ updateId: 'u2', body: 'Crowds in Osh.' }),
  f.redacted({ fields: ['body', 'media.caption'], reference: REFERENCE, reason: 'Names a minor' }),
];

/** The stored story after the command path's redaction: the rewrites applied to the stored events. */
function storedAfterRedaction(events = recorded(...story())): StoredEvent[] {
  const order = { updateId: 'u1', fields: ['body', 'media.caption'] as const, reference: REFERENCE, revision: 4 };
  return events.map((event) => {
    const rewrite = event.revision < 4 ? redactedEvent(event, order) : null;
    return rewrite ? { ...event, data: rewrite.data, metadata: rewrite.metadata as StoredEvent['metadata'] } : event;
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('redacting an update: the domain', () => {
  it('records who redacted which fields, under which reference and why', () => {
    given(f.opened(), f.posted())
      .when(f.redact({ fields: ['body'] }))
      .then(f.redacted({ fields: ['body'] }));
  });

  it('may redact a retracted update, and an update of a closed blog: a court order does not wait', () => {
    given(f.opened(), f.posted(), f.retracted()).when(f.redact()).then(f.redacted());
    given(f.opened(), f.posted(), f.closed()).when(f.redact()).then(f.redacted());
  });

  it.each([
    [{ fields: [] }, 'fields'],
    [{ fields: ['title'] }, 'fields'],
    [{ fields: ['body', 'body'] }, 'fields'],
    [{ fields: ['byline'] }, 'fields'], // the update has none
    [{ reference: '' }, 'reference'],
    [{ reference: '<b>order</b>' }, 'reference'],
    [{ reference: 'x'.repeat(121) }, 'reference'],
    [{ reason: ' ' }, 'reason'],
  ])('refuses %j, naming %s', (overrides, field) => {
    given(f.opened(), f.posted())
      .when(f.redact(overrides as Parameters<typeof f.redact>[0]))
      .thenRejects(InvalidCommand, field);
  });

  it('refuses an unknown update, and a field already redacted (until a correction puts new text there)', () => {
    given(f.opened(), f.posted())
      .when(f.redact({ updateId: 'nope' }))
      .thenRejects(UpdateNotFound, 'updateId');
    given(f.opened(), f.posted(), f.redacted()).when(f.redact()).thenRejects(LiveBlogConflict, 'fields');
    given(f.opened(), f.posted(), f.redacted(), f.corrected({ body: 'New text.' }))
      .when(f.redact())
      .then(f.redacted());
  });

  it('folds to the placeholder in every version of the field, and keeps the redaction on record', () => {
    const blog = foldHistory(history(...story())) as OpenedBlog;
    const [update] = toAuditorView('osh-unrest', blog, { limit: 10 }).updates.filter((u) => u.updateId === 'u1');
    expect(update).toMatchObject({
      body: PLACEHOLDER,
      byline: REPORTER, // not ordered
      media: { url: 'https://example.com/p.jpg', caption: PLACEHOLDER },
      corrections: [{ previousBody: PLACEHOLDER, body: PLACEHOLDER, reason: 'age' }],
      redactions: [
        {
          fields: ['body', 'media.caption'],
          reference: REFERENCE,
          reason: 'Names a minor',
          revision: 4,
          at: minutesAfterStart(4),
          author: EDITOR,
        },
      ],
    });
    expect(JSON.stringify(blog)).not.toContain(NAME);
  });
});

describe('the hash chain after a redaction', () => {
  it('verifies, and names what was redacted, at which revision, by whom, under which reference', () => {
    expect(verifyChain(storedAfterRedaction())).toStrictEqual({
      ok: true,
      checked: 5,
      redactions: [
        {
          revision: 1,
          fields: ['body', 'media.caption'],
          redactedAt: 4,
          by: { id: EDITOR.id, name: EDITOR.name },
          reference: REFERENCE,
        },
        {
          revision: 2,
          fields: ['body'],
          redactedAt: 4,
          by: { id: EDITOR.id, name: EDITOR.name },
          reference: REFERENCE,
        },
      ],
    });
  });

  type Change = (event: StoredEvent) => RecordedEvent;
  const at = (revision: number, change: Change) =>
    storedAfterRedaction().map((event) => (event.revision === revision ? change(event) : event));
  const data = (event: StoredEvent, path: string, value: unknown) => ({
    ...event,
    data: { ...event.data, [path]: value },
  });
  const meta = (event: StoredEvent, metadata: Record<string, unknown>) => ({
    ...event,
    metadata: { ...event.metadata, ...metadata },
  });

  it.each<[string, number, Change, number, string]>([
    ['a field left in place (byline)', 1, (e) => data(e, 'byline', 'Someone Else'), 1, 'content'],
    ['another field (kind)', 1, (e) => data(e, 'kind', 'breaking'), 1, 'content'],
    ['the placeholder', 1, (e) => data(e, 'body', '[redacted: another order]'), 1, 'redaction'],
    ['the placeholder, to other text', 2, (e) => data(e, 'body', 'Invented text.'), 2, 'redaction'],
    [
      'the kept commitment',
      1,
      (e) =>
        meta(e, {
          redacted: { ...e.metadata.redacted, body: { ...e.metadata.redacted!.body!, fieldHash: '0'.repeat(64) } },
        }),
      1,
      'content',
    ],
    ['the redaction event', 4, (e) => data(e, 'reference', 'Another order'), 4, 'content'],
    ['an untouched event', 3, (e) => data(e, 'body', 'Crowds in Jalal-Abad.'), 3, 'content'],
  ])('still catches any other change: %s', (_, revision, change, broken, problem) => {
    expect(verifyChain(at(revision, change))).toMatchObject({ ok: false, firstBrokenRevision: broken, problem });
  });

  it('refuses a field emptied without a redaction event that names it: a silent edit is not a redaction', () => {
    // given: the byline blanked the way a redaction would, its commitment kept, but no event orders it
    const forged = at(1, (event) => {
      const fieldHash = fieldHashOf(event.metadata.salts!.byline!, event.data.byline);
      const { byline: _gone, ...salts } = event.metadata.salts!;
      const redacted = { ...event.metadata.redacted, byline: { fieldHash, revision: 4, reference: REFERENCE } };
      return { ...meta(event, { salts, redacted }), data: { ...event.data, byline: PLACEHOLDER } };
    });
    // then: the chain's own hashes hold, yet the claim does not
    expect(verifyChain(forged)).toMatchObject({ ok: false, firstBrokenRevision: 1, problem: 'redaction' });
    // and a claim pointing past the end of the stream is not proven either
    expect(verifyChain(storedAfterRedaction().slice(0, 4))).toMatchObject({
      ok: false,
      firstBrokenRevision: 1,
      problem: 'redaction',
    });
  });

  it('catches a redaction undone: the original row restored from a backup, salt and all', () => {
    // given: the posted event put back as it was first stored (it verifies on its own)
    const original = recorded(...story());
    const restored = storedAfterRedaction(original).map((event) => (event.revision === 1 ? original[1]! : event));
    // then: the redaction event at 4 finds the text it removed still held at revision 1
    expect(verifyChain(restored)).toMatchObject({ ok: false, firstBrokenRevision: 1, problem: 'redaction' });
    // while a correction after a redaction may hold new text: only earlier events must have lost it
    const later = recorded(...story(), f.corrected({ body: 'A girl was hurt near the White House.', reason: 'law' }));
    expect(verifyChain(storedAfterRedaction(later))).toMatchObject({ ok: true, checked: 6 });
  });

  it('keeps nothing from which a guess of the redacted text can be confirmed', () => {
    // given: the event as first stored, and as stored after the redaction
    const original = recorded(...story());
    const before = original[1];
    const after = storedAfterRedaction(original)[1]!;
    const kept = after.metadata.redacted!.body!.fieldHash;
    // The method works: while the salt is stored, the right guess is confirmed, and only it.
    const confirmedBefore = GUESSES.filter(
      (guess) => fieldHashOf(before!.metadata.salts!.body!, BODY.replace(NAME, guess)) === kept,
    );
    expect(confirmedBefore).toStrictEqual([NAME]);
    // After: neither the text nor its salt is anywhere in the stored row.
    const row = JSON.stringify(after);
    expect(row).not.toContain(NAME.split(' ')[0]);
    expect(row).not.toContain(before!.metadata.salts!.body);
    expect(row).not.toContain(before!.metadata.salts!['media.caption']);
    // And no guess matches any hash kept, with any salt left in the row (the byline's), unsalted,
    // or hashed the unsalted schema-1 way.
    const saltsLeft = Object.values(after.metadata.salts ?? {});
    const hashesKept = [kept, after.metadata.redacted!['media.caption']!.fieldHash, after.metadata.contentHash];
    for (const guess of GUESSES) {
      const text = BODY.replace(NAME, guess);
      const candidates = [
        ...saltsLeft.map((salt) => fieldHashOf(salt, text)),
        sha256(canonicalize(text)!),
        sha256(text),
        contentHashOf({
          type: after.type,
          data: { ...before!.data, body: text },
          at: after.metadata.at,
          author: EDITOR,
        }),
      ];
      expect(candidates.filter((candidate) => hashesKept.includes(candidate))).toStrictEqual([]);
    }
    console.log(
      `guessing the redacted name: ${GUESSES.length} candidates confirmed ${confirmedBefore.length} with the salt ` +
        'stored, 0 after the redaction',
    );
  });

  it('refuses to rewrite an event stored under hashing schema 1, and an event that no longer verifies', () => {
    const [, posted] = recorded(...story());
    const order = { updateId: 'u1', fields: ['body'] as const, reference: REFERENCE, revision: 4 };
    const v1 = { ...posted!, metadata: { ...posted!.metadata, schemaVersion: 1 } };
    expect(() => redactedEvent(v1, order)).toThrow(UnredactableEvent);
    const altered = { ...posted!, data: { ...posted!.data, kind: 'breaking' } };
    expect(() => redactedEvent(altered, order)).toThrow(UnredactableEvent);
    expect(valueAt(redactedEvent(posted!, order)!.data, 'body')).toBe(PLACEHOLDER);
  });
});
