import type { RecordedEvent } from '../event-store/index.js';
import {
  isStoredEvent,
  recomputedContentHash,
  type StoredEvent,
  chainHash,
  SALTED_PATHS,
  valueAt,
  redactedText,
} from '../live-blog/pure.js';

/**
 * Why the chain breaks at a revision:
 * - `missing`: the revision is absent (a deleted row), or revisions run out of order;
 * - `content`: the event's type, data, at or author no longer hash to its stored contentHash, or its
 *   metadata is not an envelope the command path writes (hashes or authorship gone);
 * - `link`: its prevHash is not the previous event's hash, or its hash is not sha256(prevHash + contentHash);
 * - `redaction`: the event says a field was redacted, but no UpdateRedacted event in the chain
 *   (at the revision it names, for this update, field and reference) removed it, or the field does
 *   not hold the redaction's placeholder, or the event still carries the field's salt (with the kept
 *   commitment it would confirm a guess of the text); or the event still holds text that a later
 *   UpdateRedacted removed (the redaction was undone, say by restoring the row from a backup).
 */
export type ChainProblem = 'missing' | 'content' | 'link' | 'redaction';

/** A lawful removal the chain proves: the event's fields, and the redaction event that removed them. */
export interface RedactionFinding {
  /** The revision of the event whose fields were removed. */
  readonly revision: number;
  readonly fields: readonly string[];
  /** The revision of the UpdateRedacted event. */
  readonly redactedAt: number;
  readonly by: { readonly id: string; readonly name: string };
  readonly reference: string;
}

export interface IntegrityReport {
  readonly ok: boolean;
  /** How many stored events were read. */
  readonly checked: number;
  readonly firstBrokenRevision?: number;
  readonly problem?: ChainProblem;
  /** Present when fields were lawfully redacted: the chain verifies through them. */
  readonly redactions?: readonly RedactionFinding[];
}

/** An event's statement that a redaction event later in the stream removed one of its fields. */
interface RedactionClaim {
  readonly revision: number;
  readonly updateId: unknown;
  readonly path: string;
  readonly redactedAt: number;
  readonly reference: string;
}

/** A verification in progress, so that a long stream can be checked page by page. */
interface ChainProgress {
  readonly checked: number;
  readonly nextRevision: number;
  /** The stored hash of the last event checked: the next event's prevHash must equal it. */
  readonly lastHash: string;
  readonly broken: { readonly revision: number; readonly problem: ChainProblem } | null;
  /** Redactions stated by events already checked whose redaction event is still ahead. */
  readonly claims: readonly RedactionClaim[];
  readonly redactions: readonly RedactionFinding[];
  /**
   * Per update and redactable field, the first event checked that still holds its text: a later
   * redaction of that field must find none. Made by the first event that needs it and then grown
   * in place, so a progress is to be extended in sequence, as `verifyChain` and the pages do.
   */
  readonly textHeld: Map<string, number> | null;
}

export const chainStart: ChainProgress = {
  checked: 0,
  nextRevision: 0,
  lastHash: '',
  broken: null,
  claims: [],
  redactions: [],
  textHeld: null,
};

/**
 * Checks one more event (DESIGN §3). After the first break the rest are only counted: once a link
 * is gone, later hashes prove nothing about what came before, so the first break is the finding.
 */
export function checkLink(progress: ChainProgress, event: RecordedEvent): ChainProgress {
  const checked = progress.checked + 1;
  if (progress.broken) return { ...progress, checked };
  const verdict = verdictOf(progress, event);
  if (typeof verdict === 'string') {
    const revision = verdict === 'missing' ? Math.min(progress.nextRevision, event.revision) : event.revision;
    return { ...progress, checked, broken: { revision, problem: verdict } };
  }
  const stored = event as StoredEvent;
  const due = progress.claims.filter((claim) => claim.redactedAt === event.revision);
  const unconfirmed = due.find((claim) => !confirms(stored, claim));
  if (unconfirmed) return { ...progress, checked, broken: { revision: unconfirmed.revision, problem: 'redaction' } };
  const undone = undoneRedaction(progress, stored);
  if (undone !== undefined) return { ...progress, checked, broken: { revision: undone, problem: 'redaction' } };
  const stated = claimsOf(stored);
  return {
    checked,
    nextRevision: event.revision + 1,
    lastHash: verdict.hash,
    broken: null,
    claims:
      due.length === 0 && stated.length === 0
        ? progress.claims
        : [...progress.claims.filter((claim) => claim.redactedAt !== event.revision), ...stated],
    redactions: due.length === 0 ? progress.redactions : [...progress.redactions, ...findings(stored, due)],
    textHeld: noteTextHeld(progress.textHeld, stored),
  };
}

/**
 * The report on everything checked. A redaction stated by an event but whose redaction event was
 * not among those checked is unproven: the chain is reported broken at the event that states it.
 */
export function reportOf(progress: ChainProgress): IntegrityReport {
  const pending = progress.claims[0];
  const broken = progress.broken ?? (pending ? { revision: pending.revision, problem: 'redaction' as const } : null);
  const redactions = progress.redactions.length > 0 ? { redactions: progress.redactions } : {};
  if (!broken) return { ok: true, checked: progress.checked, ...redactions };
  return {
    ok: false,
    checked: progress.checked,
    firstBrokenRevision: broken.revision,
    problem: broken.problem,
    ...redactions,
  };
}

export function verifyChain(events: Iterable<RecordedEvent>): IntegrityReport {
  let progress = chainStart;
  for (const event of events) progress = checkLink(progress, event);
  return reportOf(progress);
}

/** What is wrong with the event as the chain's next link, or the hash it extends the chain with. */
function verdictOf(progress: ChainProgress, event: RecordedEvent): ChainProblem | { readonly hash: string } {
  if (event.revision !== progress.nextRevision) return 'missing';
  if (!isStoredEvent(event)) return 'content';
  const { contentHash, prevHash, hash, redacted, salts } = event.metadata;
  if (recomputedContentHash(event) !== contentHash) return 'content';
  if (prevHash !== progress.lastHash || hash !== chainHash(progress.lastHash, contentHash)) return 'link';
  // The placeholder and a later redaction event: a field emptied any other way is not a redaction;
  // and no salt: a redaction that kept it left a way to confirm a guess of the text.
  for (const [path, field] of Object.entries(redacted ?? {})) {
    const placeholder = valueAt(event.data, path) === redactedText(field.reference);
    if (field.revision <= event.revision || !placeholder || salts?.[path] !== undefined) return 'redaction';
  }
  return { hash };
}

/** The revision of an earlier event that still holds text this redaction event removed, if any. */
function undoneRedaction(progress: ChainProgress, event: StoredEvent): number | undefined {
  const { data } = event;
  if (event.type !== 'UpdateRedacted' || !Array.isArray(data.fields) || !progress.textHeld) return undefined;
  for (const path of data.fields) {
    const held = progress.textHeld.get(heldKey(data.updateId, path));
    if (held !== undefined) return held;
  }
  return undefined;
}

function noteTextHeld(textHeld: Map<string, number> | null, event: StoredEvent): Map<string, number> | null {
  const paths = SALTED_PATHS[event.type];
  if (!paths || typeof event.data.updateId !== 'string') return textHeld;
  const held = textHeld ?? new Map<string, number>();
  for (const path of paths) {
    const key = heldKey(event.data.updateId, path);
    const holds = valueAt(event.data, path) !== undefined && event.metadata.redacted?.[path] === undefined;
    if (holds && !held.has(key)) held.set(key, event.revision);
  }
  return held;
}

const heldKey = (updateId: unknown, path: unknown) => `${String(updateId)}\u0000${String(path)}`;

function claimsOf(event: StoredEvent): RedactionClaim[] {
  return Object.entries(event.metadata.redacted ?? {}).map(([path, field]) => ({
    revision: event.revision,
    updateId: event.data.updateId,
    path,
    redactedAt: field.revision,
    reference: field.reference,
  }));
}

/** The redaction event removes this update's field under the same reference. */
function confirms(event: StoredEvent, claim: RedactionClaim): boolean {
  const { data } = event;
  return (
    event.type === 'UpdateRedacted' &&
    data.updateId === claim.updateId &&
    data.reference === claim.reference &&
    Array.isArray(data.fields) &&
    data.fields.includes(claim.path)
  );
}

function findings(redaction: StoredEvent, claims: readonly RedactionClaim[]): RedactionFinding[] {
  const { id, name } = redaction.metadata.author;
  const revisions = [...new Set(claims.map((claim) => claim.revision))];
  return revisions.map((revision) => ({
    revision,
    fields: claims.filter((claim) => claim.revision === revision).map((claim) => claim.path),
    redactedAt: redaction.revision,
    by: { id, name },
    reference: claims.find((claim) => claim.revision === revision)!.reference,
  }));
}
