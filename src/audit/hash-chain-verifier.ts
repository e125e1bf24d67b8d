import type { RecordedEvent } from '../event-store/event-store.js';
import { isStoredEvent } from '../live-blog/application/envelope.js';
import { chainHash, contentHashOf } from '../live-blog/application/hash-chain.js';

/**
 * Why the chain breaks at a revision:
 * - `missing`: the revision is absent (a deleted row), or revisions run out of order;
 * - `content`: the event's type, data, at or author no longer hash to its stored contentHash, or its
 *   metadata is not an envelope the command path writes (hashes or authorship gone);
 * - `link`: its prevHash is not the previous event's hash, or its hash is not sha256(prevHash + contentHash).
 */
export type ChainProblem = 'missing' | 'content' | 'link';

export interface IntegrityReport {
  readonly ok: boolean;
  /** How many stored events were read. */
  readonly checked: number;
  readonly firstBrokenRevision?: number;
  readonly problem?: ChainProblem;
}

/** A verification in progress, so that a long stream can be checked page by page. */
export interface ChainProgress {
  readonly checked: number;
  readonly nextRevision: number;
  /** The stored hash of the last event checked: the next event's prevHash must equal it. */
  readonly lastHash: string;
  readonly broken: { readonly revision: number; readonly problem: ChainProblem } | null;
}

export const chainStart: ChainProgress = { checked: 0, nextRevision: 0, lastHash: '', broken: null };

/**
 * Checks one more event (DESIGN §3). After the first break the rest are only counted: once a link
 * is gone, later hashes prove nothing about what came before, so the first break is the finding.
 */
export function checkLink(progress: ChainProgress, event: RecordedEvent): ChainProgress {
  const checked = progress.checked + 1;
  if (progress.broken) return { ...progress, checked };
  const verdict = verdictOf(progress, event);
  if (typeof verdict !== 'string') {
    return { checked, nextRevision: event.revision + 1, lastHash: verdict.hash, broken: null };
  }
  const revision = verdict === 'missing' ? Math.min(progress.nextRevision, event.revision) : event.revision;
  return { ...progress, checked, broken: { revision, problem: verdict } };
}

export function reportOf(progress: ChainProgress): IntegrityReport {
  if (!progress.broken) return { ok: true, checked: progress.checked };
  return {
    ok: false,
    checked: progress.checked,
    firstBrokenRevision: progress.broken.revision,
    problem: progress.broken.problem,
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
  const { at, author, contentHash, prevHash, hash } = event.metadata;
  if (contentHashOf({ type: event.type, data: event.data, at, author }) !== contentHash) return 'content';
  if (prevHash !== progress.lastHash || hash !== chainHash(progress.lastHash, contentHash)) return 'link';
  return { hash };
}
