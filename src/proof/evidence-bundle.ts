import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent } from '../event-store/index.js';
import { foldStored, toStoredEvents, initialState, toArticleView, type ArticleView } from '../live-blog/pure.js';
import { signatureBytes, type CheckpointKey, type SignedCheckpoint, type KeySet } from '../signing/pure.js';
import type { Author } from '../kernel/index.js';

export const BUNDLE_FORMAT = 'dateline-evidence/1';

/** Who made the bundle, for what: sealed like the rest. */
export interface BundleHeader {
  readonly format: typeof BUNDLE_FORMAT;
  readonly liveBlogId: string;
  readonly revision: number;
  readonly storeEpoch: string;
  readonly createdAt: string;
  readonly createdBy: Author;
}

/** A sha256 of each part's canonical JSON, signed: it says which part changed, where the chain cannot. */
export interface SealDigests {
  readonly header: string;
  readonly checkpoint: string;
  readonly keys: string;
  readonly page: string;
  readonly events: readonly string[];
  /** Present when the bundle carries `laterEvents`. */
  readonly laterEvents?: readonly string[];
}

export interface Seal {
  readonly keyId: string;
  readonly digests: SealDigests;
  readonly signature: string;
}

/**
 * One story up to a revision, for an ombudsman or a court, checkable with no server and no store:
 * every stored event with its metadata (the hash chain), the signed checkpoint of the chain's end,
 * the key that signed it, the page as readers saw it then (which the events fold to), and a seal.
 * Written as RFC 8785 canonical JSON, so every byte of the file is fixed by its content.
 */
export interface EvidenceBundle extends BundleHeader {
  readonly checkpoint: SignedCheckpoint;
  readonly keys: KeySet;
  readonly events: readonly RecordedEvent[];
  /**
   * The stored events after `revision` up to the last redaction of text held in `events` (absent
   * when there is none): a field redacted later shows its placeholder in `events`, and only the
   * redaction event, linked into the chain, proves the removal lawful. Not part of the page.
   */
  readonly laterEvents?: readonly RecordedEvent[];
  readonly page: ArticleView;
  readonly seal: Seal;
}

type UnsealedBundle = Omit<EvidenceBundle, 'seal'>;

/** The reader's article at the events' last revision, every update on one page: the as-of page the bundle proves. */
export function pageOf(liveBlogId: string, events: readonly RecordedEvent[]): ArticleView | null {
  const blog = foldStored(initialState, toStoredEvents(events));
  return blog.status === 'none' ? null : toArticleView(liveBlogId, blog, blog.updates.length);
}

export function digestsOf(bundle: UnsealedBundle): SealDigests {
  const { format, liveBlogId, revision, storeEpoch, createdAt, createdBy } = bundle;
  return {
    header: digest({ format, liveBlogId, revision, storeEpoch, createdAt, createdBy }),
    checkpoint: digest(bundle.checkpoint),
    keys: digest(bundle.keys),
    page: digest(bundle.page),
    events: bundle.events.map(digest),
    ...(bundle.laterEvents ? { laterEvents: bundle.laterEvents.map(digest) } : {}),
  };
}

/** The revision of the last redaction event that removed text from this event, or -1. */
export function redactedAt(event: RecordedEvent): number {
  const redacted = (event.metadata as { redacted?: Record<string, { revision?: unknown }> }).redacted ?? {};
  let last = -1;
  for (const field of Object.values(redacted)) {
    if (typeof field?.revision === 'number' && field.revision > last) last = field.revision;
  }
  return last;
}

export function seal(bundle: UnsealedBundle, key: CheckpointKey): EvidenceBundle {
  return { ...bundle, seal: sealOver(digestsOf(bundle), key) };
}

/** The seal over the parts' digests (bundle-file.ts writes the same bytes a piece at a time). */
function sealOver(digests: SealDigests, key: CheckpointKey): Seal {
  const signature = sign(null, sealBytes(key.keyId, digests), key.privateKey).toString('base64url');
  return { keyId: key.keyId, digests, signature };
}

export function sealVerifies(value: Seal, publicKey: KeyObject): boolean {
  const signature = typeof value.signature === 'string' ? signatureBytes(value.signature) : null;
  return signature !== null && verify(null, sealBytes(value.keyId, value.digests), publicKey, signature);
}

/** The file: canonical JSON and a final line feed. */
export function serializeBundle(bundle: EvidenceBundle): string {
  return `${canonical(bundle)}\n`;
}

export function canonical(value: unknown): string {
  return canonicalize(value) ?? '';
}

export function digest(value: unknown): string {
  return createHash('sha256').update(canonical(value), 'utf8').digest('hex');
}

function sealBytes(keyId: string, digests: SealDigests): Buffer {
  return Buffer.from(canonical({ format: BUNDLE_FORMAT, keyId, digests }), 'utf8');
}
