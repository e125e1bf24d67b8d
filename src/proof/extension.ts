import { chainStart, checkLink, reportOf, type ChainProblem, type RedactionFinding } from '../audit/pure.js';
import type { RecordedEvent } from '../event-store/index.js';
import { checkSignature, type SignedCheckpoint, type Keyring } from '../signing/pure.js';

/**
 * How the history a store holds now relates to the one a checkpoint signed:
 * - `extends`: the same hash at the signed revision, and the chain intact from the first event to the last;
 * - `truncated`: the chain is intact but ends before the signed revision (`revision`: where it ends now);
 * - `rewritten`: the chain is intact but has another hash at the signed revision: history was
 *   replaced with freshly computed hashes at or before it (`revision`: the earliest revision known
 *   to differ: the signed one, or an earlier stored checkpoint's that no longer holds);
 * - `altered`: the chain itself breaks at `revision` (`problem` says how), as the integrity check finds;
 * - `signature_invalid`, `unknown_key`: the checkpoint proves nothing (altered, or signed by a key not listed);
 * - `other_store`, `other_story`: it was signed for another store (epoch) or another story.
 */
export type ExtensionVerdict =
  | 'extends'
  | 'truncated'
  | 'rewritten'
  | 'altered'
  | 'signature_invalid'
  | 'unknown_key'
  | 'other_store'
  | 'other_story';

export interface ExtensionReport {
  readonly ok: boolean;
  readonly verdict: ExtensionVerdict;
  /** The revision the checkpoint signed. */
  readonly checkpointRevision: number;
  /** Where the finding is: the end of a truncated chain, the signed revision of a rewritten one, an altered one. */
  readonly revision?: number;
  readonly problem?: ChainProblem;
  /** Stored events read (0 when the checkpoint was refused before reading). */
  readonly checked: number;
  /** The last revision the store holds now. */
  readonly head?: number;
  /** Fields lawfully redacted, as the integrity check reports them: the chain verifies through them. */
  readonly redactions?: readonly RedactionFinding[];
  readonly message: string;
}

/** What the checkpoint must be about: the store and the story being verified. */
interface VerifiedLiveBlog {
  readonly storeEpoch: string;
  /** The store's epochs before it was restored (or given a new epoch): what they signed is its history too. */
  readonly earlierEpochs?: readonly string[];
  readonly liveBlogId: string;
}

/**
 * Proves that the stream read page by page extends the history the checkpoint signed, or names
 * how it differs. The chain is checked by the integrity check's own `checkLink`, so both agree.
 */
export async function verifyExtension(
  checkpoint: SignedCheckpoint,
  keys: Keyring,
  story: VerifiedLiveBlog,
  pages: AsyncIterable<readonly RecordedEvent[]> | Iterable<readonly RecordedEvent[]>,
  witnesses: readonly SignedCheckpoint[] = [],
): Promise<ExtensionReport> {
  const refused = refusal(checkpoint, keys, story);
  if (refused) return refused;
  const signed = checkpoint.revision;
  // Other checkpoints known good (stored ones, validly signed) narrow down where a rewrite began.
  const known = new Map<number, string>([[signed, checkpoint.hash]]);
  for (const witness of witnesses) {
    if (witness.revision < signed && refusal(witness, keys, story) === null) known.set(witness.revision, witness.hash);
  }
  const found = new Map<number, string>();
  let progress = chainStart;
  for await (const page of pages) {
    for (const event of page) {
      progress = checkLink(progress, event);
      if (known.has(event.revision) && !progress.broken) found.set(event.revision, progress.lastHash);
    }
  }
  const hashAtSigned = found.get(signed);
  // The integrity check's own report: a redaction whose redaction event is missing breaks it too.
  const integrity = reportOf(progress);
  const { checked } = integrity;
  const head = progress.nextRevision - 1;
  const redactions = integrity.redactions ?? [];
  const base = { checkpointRevision: signed, checked, head, ...(redactions.length > 0 ? { redactions } : {}) };
  if (!integrity.ok) {
    const [revision, problem] = [integrity.firstBrokenRevision!, integrity.problem!];
    const where = revision <= signed ? 'in the signed history' : `after the signed revision ${signed}`;
    // A cut that took a redaction's own event also leaves its emptied field unexplained: name both.
    const cut = head < signed ? `; and ${truncation(head, signed)}` : '';
    const message = `altered at revision ${revision} (${where}): ${PROBLEMS[problem]}${cut}`;
    return { ...base, ok: false, verdict: 'altered', revision, problem, message };
  }
  if (head < signed) {
    return { ...base, ok: false, verdict: 'truncated', revision: head, message: truncation(head, signed) };
  }
  if (hashAtSigned !== checkpoint.hash) {
    const { from, after } = rewriteBounds(known, found);
    const since = after === undefined ? '' : ` (the stored checkpoint of revision ${after} still holds)`;
    const message =
      `rewritten from revision ${from} or earlier${since}: the stored hash at revision ${signed} is ` +
      `${short(hashAtSigned)}, the checkpoint signed ${short(checkpoint.hash)}, though the chain is intact`;
    return { ...base, ok: false, verdict: 'rewritten', revision: from, message };
  }
  const message =
    `history extends the checkpoint: the same hash at revision ${signed}, ` +
    `the chain intact from revision 0 to ${head} (${checked} events checked)${redactionNote(redactions)}` +
    earlierEpochNote(checkpoint, story);
  return { ...base, ok: true, verdict: 'extends', message };
}

/** A checkpoint from before a restore still counts; the auditor is told the store was restored since. */
function earlierEpochNote(checkpoint: SignedCheckpoint, story: VerifiedLiveBlog): string {
  if (checkpoint.storeEpoch === story.storeEpoch) return '';
  return `; signed under the store's earlier epoch ${checkpoint.storeEpoch} (restored or renewed since; now ${story.storeEpoch})`;
}

function truncation(head: number, signed: number): string {
  const gone = `${signed - head} event${signed - head === 1 ? '' : 's'} gone`;
  const now = head === -1 ? 'the store holds no event of the story' : `the store's chain ends at ${head}`;
  return `truncated after revision ${head}: the checkpoint signed revision ${signed}, ${now} (${gone})`;
}

/**
 * The earliest revision known to differ (`from`), and the latest known to hold below it (`after`):
 * a rewrite began after `after` and at or before `from`.
 */
function rewriteBounds(known: ReadonlyMap<number, string>, found: ReadonlyMap<number, string>) {
  const revisions = [...known.keys()].sort((a, b) => a - b);
  const from = revisions.find((revision) => found.get(revision) !== known.get(revision))!;
  const after = revisions.filter((revision) => revision < from && found.get(revision) === known.get(revision)).at(-1);
  return { from, after };
}

/** Redactions do not break the proof (the kept hashes still link), but the auditor is told of each. */
function redactionNote(redactions: readonly RedactionFinding[]): string {
  return redactions
    .map(
      (found) =>
        `; revision ${found.revision}: ${found.fields.join(', ')} redacted at revision ${found.redactedAt}` +
        ` by ${found.by.name} (${found.by.id}), reference ${found.reference}`,
    )
    .join('');
}

const PROBLEMS: Record<ChainProblem, string> = {
  missing: 'the revision is missing',
  content: "the event's content was altered",
  link: 'the link to the previous event was altered',
  redaction: 'a field was emptied without a redaction event in the chain to say so',
};

function refusal(checkpoint: SignedCheckpoint, keys: Keyring, story: VerifiedLiveBlog): ExtensionReport | null {
  const base = { ok: false, checkpointRevision: checkpoint.revision, checked: 0 } as const;
  const signature = checkSignature(checkpoint, keys);
  if (signature === 'unknown_key') {
    const message = `unknown key: the checkpoint names key ${checkpoint.keyId}, which is not among the published keys`;
    return { ...base, verdict: 'unknown_key', message };
  }
  if (signature === 'invalid') {
    const message = `signature invalid: the checkpoint was altered after key ${checkpoint.keyId} signed it`;
    return { ...base, verdict: 'signature_invalid', message };
  }
  if (checkpoint.storeEpoch !== story.storeEpoch && !story.earlierEpochs?.includes(checkpoint.storeEpoch)) {
    const message = `other store: the checkpoint was signed for store epoch ${checkpoint.storeEpoch}, this store's is ${story.storeEpoch}`;
    return { ...base, verdict: 'other_store', message };
  }
  if (checkpoint.liveBlogId !== story.liveBlogId) {
    const message = `other story: the checkpoint was signed for "${checkpoint.liveBlogId}", not "${story.liveBlogId}"`;
    return { ...base, verdict: 'other_story', message };
  }
  return null;
}

function short(hash: string | undefined): string {
  return hash === undefined ? 'absent' : `${hash.slice(0, 16)}…`;
}
