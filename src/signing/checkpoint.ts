import { sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Keyring } from './keyring.js';

export const CHECKPOINT_FORMAT = 'dateline-checkpoint/1';

/** What a checkpoint attests: at `at`, the story's chain in the store of `storeEpoch` ended at `revision` with `hash`. */
interface CheckpointHead {
  readonly storeEpoch: string;
  readonly liveBlogId: string;
  readonly revision: number;
  /** The stored `hash` of the event at `revision` (DESIGN §3). */
  readonly hash: string;
  /** When the server signed it (its clock), ISO 8601 UTC. */
  readonly at: string;
}

/**
 * A signed tree head, after Certificate Transparency: Ed25519 over the RFC 8785 canonical JSON of
 * every other member, so any language can check it.
 */
export interface SignedCheckpoint extends CheckpointHead {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly keyId: string;
  /** base64url Ed25519 signature. */
  readonly signature: string;
}

export interface CheckpointKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

export function signCheckpoint(head: CheckpointHead, key: CheckpointKey): SignedCheckpoint {
  const unsigned = { format: CHECKPOINT_FORMAT, keyId: key.keyId, ...pick(head) } as const;
  const signature = sign(null, signedBytes(unsigned), key.privateKey).toString('base64url');
  return { ...unsigned, signature };
}

type SignatureCheck = 'valid' | 'unknown_key' | 'invalid';

export function checkSignature(checkpoint: SignedCheckpoint, keys: Keyring): SignatureCheck {
  const publicKey = keys.get(checkpoint.keyId);
  if (!publicKey) return 'unknown_key';
  const { signature, ...unsigned } = checkpoint;
  const bytes = signatureBytes(signature);
  return bytes && verify(null, signedBytes(unsigned), publicKey, bytes) ? 'valid' : 'invalid';
}

/**
 * The 64 bytes of a base64url signature, or null. Only the one canonical spelling is accepted: the
 * last character has spare bits, and a signature that still verified after one was flipped would
 * let a file change without anyone noticing.
 */
export function signatureBytes(signature: string): Buffer | null {
  const bytes = Buffer.from(signature, 'base64url');
  return bytes.length === 64 && bytes.toString('base64url') === signature ? bytes : null;
}

/** A saved checkpoint file whose members are missing or of the wrong kind. */
export class MalformedCheckpoint extends Error {
  override readonly name = 'MalformedCheckpoint';

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** Reads a checkpoint (a saved file, a request body, a stored event), naming the first member at fault. */
export function parseCheckpoint(value: unknown): SignedCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedCheckpoint('a checkpoint is a JSON object', 'checkpoint');
  }
  const c = value as Record<string, unknown>;
  const fail = (field: string, what: string) => new MalformedCheckpoint(`${field} must be ${what}`, field);
  if (c.format !== CHECKPOINT_FORMAT) throw fail('format', `"${CHECKPOINT_FORMAT}"`);
  for (const field of ['keyId', 'signature', 'storeEpoch', 'liveBlogId'] as const) {
    if (typeof c[field] !== 'string' || c[field] === '') throw fail(field, 'a non-empty string');
  }
  if (!Number.isSafeInteger(c.revision) || (c.revision as number) < 0) throw fail('revision', 'a whole number from 0');
  if (typeof c.hash !== 'string' || !HEX_HASH.test(c.hash)) throw fail('hash', 'a sha256 in lower-case hex');
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) throw fail('at', 'an ISO 8601 instant');
  const extra = Object.keys(c).find((key) => !MEMBERS.has(key));
  if (extra !== undefined) throw new MalformedCheckpoint(`${extra} is not a member of a checkpoint`, extra);
  return c as unknown as SignedCheckpoint;
}

const MEMBERS = new Set(['format', 'keyId', 'signature', 'storeEpoch', 'liveBlogId', 'revision', 'hash', 'at']);

function signedBytes(unsigned: Omit<SignedCheckpoint, 'signature'>): Buffer {
  return Buffer.from(canonicalize(unsigned) ?? '', 'utf8');
}

function pick({ storeEpoch, liveBlogId, revision, hash, at }: CheckpointHead): CheckpointHead {
  return { storeEpoch, liveBlogId, revision, hash, at };
}
