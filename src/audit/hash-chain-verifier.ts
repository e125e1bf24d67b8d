import type { RecordedEvent } from '../event-store/event-store.js';
import { isStoredEvent, recomputedContentHash, type StoredEvent } from '../live-blog/application/envelope.js';
import { chainHash, valueAt } from '../live-blog/application/hash-chain.js';
import { redactedText } from '../live-blog/domain/index.js';

/**
 * Why the chain breaks at a revision:
 * - `missing`: the revision is absent (a deleted row), or revisions run out of order;
 * - `content`: the event's type, data, at or author no longer hash to its stored contentHash, or its
 *   metadata is not an envelope the command path writes (hashes or authorship gone);
 * - `link`: its prevHash is not the previous event's hash, or its hash is not sha256(prevHash + contentHash);
 * - `redaction`: the event says a field was redacted, but no UpdateRedacted event in the chain
 *   (at the revision it names, for this update, field and reference) removed it, or the field does
 *   not hold the redaction's placeholder.
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
export interface ChainProgress {
  readonly checked: number;
  readonly nextRevision: number;
  /** The stored hash of the last event checked: the next event's prevHash must equal it. */
  readonly lastHash: string;
  readonly broken: { readonly revision: number; readonly problem: ChainProblem } | null;
  /** Redactions stated by events already checked whose redaction event is still ahead. */
  readonly claims: readonly RedactionClaim[];
  readonly redactions: readonly RedactionFinding[];
}

export const chainStart: ChainProgress = {
  checked: 0,
  nextRevision: 0,
  lastHash: '',
  broken: null,
  claims: [],
  redactions: [],
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
  const { contentHash, prevHash, hash, redacted } = event.metadata;
  if (recomputedContentHash(event) !== contentHash) return 'content';
  if (prevHash !== progress.lastHash || hash !== chainHash(progress.lastHash, contentHash)) return 'link';
  // The placeholder and a later redaction event: a field emptied any other way is not a redaction.
  for (const [path, field] of Object.entries(redacted ?? {})) {
    if (field.revision <= event.revision || valueAt(event.data, path) !== redactedText(field.reference)) {
      return 'redaction';
    }
  }
  return { hash };
}

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
