import type { RecordedEvent } from '../event-store/event-store.js';
import { chainHash, contentHashOf } from '../live-blog/application/hash-chain.js';
import type { Author } from '../live-blog/domain/index.js';

/**
 * Why the chain breaks at a revision:
 * - `missing`: the revision is absent (a deleted row), or revisions run out of order;
 * - `content`: the event's type, data, at or author no longer hash to its stored contentHash;
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

interface ChainMetadata {
  readonly at?: unknown;
  readonly author?: unknown;
  readonly contentHash?: unknown;
  readonly prevHash?: unknown;
  readonly hash?: unknown;
}

/**
 * Checks one more event (DESIGN §3). After the first break the rest are only counted: once a link
 * is gone, later hashes prove nothing about what came before, so the first break is the finding.
 */
export function checkLink(progress: ChainProgress, event: RecordedEvent): ChainProgress {
  const checked = progress.checked + 1;
  if (progress.broken) return { ...progress, checked };
  const problem = problemOf(progress, event);
  if (problem) {
    const revision = problem === 'missing' ? Math.min(progress.nextRevision, event.revision) : event.revision;
    return { ...progress, checked, broken: { revision, problem } };
  }
  return { checked, nextRevision: event.revision + 1, lastHash: String((event.metadata as ChainMetadata).hash), broken: null };
}

export function reportOf(progress: ChainProgress): IntegrityReport {
  if (!progress.broken) return { ok: true, checked: progress.checked };
  return { ok: false, checked: progress.checked, firstBrokenRevision: progress.broken.revision, problem: progress.broken.problem };
}

export function verifyChain(events: Iterable<RecordedEvent>): IntegrityReport {
  let progress = chainStart;
  for (const event of events) progress = checkLink(progress, event);
  return reportOf(progress);
}

function problemOf(progress: ChainProgress, event: RecordedEvent): ChainProblem | null {
  if (event.revision !== progress.nextRevision) return 'missing';
  const metadata = event.metadata as ChainMetadata;
  if (typeof metadata.at !== 'string' || typeof metadata.contentHash !== 'string') return 'content';
  const content = contentHashOf({ type: event.type, data: event.data, at: metadata.at, author: metadata.author as Author });
  if (content !== metadata.contentHash) return 'content';
  if (metadata.prevHash !== progress.lastHash || metadata.hash !== chainHash(progress.lastHash, metadata.contentHash)) return 'link';
  return null;
}
