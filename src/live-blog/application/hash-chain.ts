import { createHash, randomFillSync } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Author } from '../../kernel/index.js';

/**
 * DESIGN §3, hashing schema 1 (events stored before salting): contentHash = sha256(canonical JSON
 * of {type, data, at, author}). Schema 2 (every event written since): the same, except that each
 * field that may have to be redacted by law is replaced by its own salted commitment,
 * `{"$fieldHash": sha256(salt + canonical JSON of the value)}`, and `v: 2` is hashed with it.
 * hash = sha256(prevHash + contentHash) in both. Canonical JSON is RFC 8785 (JCS), so any language
 * can verify.
 *
 * Why per field: a redaction deletes one field's text together with its salt and keeps only its
 * commitment, so the event's other fields still verify, and nobody can confirm a guess of the
 * deleted text from what is kept (the 128-bit salt that would let them is gone with it).
 */
interface HashInput {
  readonly type: string;
  readonly data: unknown;
  readonly at: string;
  readonly author: Author;
}

/** The salts of one event's redactable fields, by dotted path ("body", "media.caption"). */
export type FieldSalts = Readonly<Record<string, string>>;

export const HASH_SCHEMA_SALTED = 2;

/**
 * The fields a redaction may remove, per event type: the text an update carries. Only these are
 * salted; the rest of an event (ids, kinds, dates, figures) is hashed as it stands.
 */
export const SALTED_PATHS: Readonly<Record<string, readonly string[]>> = {
  UpdatePosted: ['body', 'byline', 'attribution', 'location', 'sources', 'media.caption', 'media.credit'],
  UpdateCorrected: ['body'],
};

/** Schema 1: the whole event hashed as it stands. */
export function contentHashOf(input: HashInput): string {
  const canonical = canonicalize({ type: input.type, data: input.data, at: input.at, author: input.author });
  return sha256(canonical ?? '');
}

/**
 * Schema 2. `committed` gives, per path, the commitment kept for a field whose text and salt were
 * redacted; every other salted path present in `data` needs its salt in `salts`.
 * Returns null when a salted field has neither (the event cannot be what was hashed).
 */
export function saltedContentHashOf(
  input: HashInput,
  salts: FieldSalts,
  committed: Readonly<Record<string, string>> = {},
): string | null {
  let data: unknown = input.data;
  for (const path of SALTED_PATHS[input.type] ?? []) {
    const fieldHash = committed[path] ?? fieldHashAt(input.data, path, salts[path]);
    if (fieldHash === undefined) continue;
    if (fieldHash === null) return null;
    data = withValueAt(data, path, { $fieldHash: fieldHash });
  }
  const { type, at, author } = input;
  return sha256(canonicalize({ v: HASH_SCHEMA_SALTED, type, data, at, author }) ?? '');
}

/** The commitment to one field's value. */
export function fieldHashOf(salt: string, value: unknown): string {
  return sha256(salt + (canonicalize(value) ?? ''));
}

/** A fresh salt for each salted field the event carries. */
export function saltsFor(type: string, data: unknown): FieldSalts {
  const salts: Record<string, string> = {};
  for (const path of SALTED_PATHS[type] ?? []) {
    if (valueAt(data, path) !== undefined) salts[path] = freshSalt();
  }
  return salts;
}

const SALT_BYTES = 16;
/** Bytes from the system's CSPRNG, filled 256 salts at a time: one call per salt cost a post 2 % of its CPU (P2). */
const entropy = Buffer.alloc(SALT_BYTES * 256);
let entropyUsed = entropy.length;

/** 128 random bits as hex, each salt from bytes no other salt was given. */
function freshSalt(): string {
  if (entropyUsed === entropy.length) {
    randomFillSync(entropy);
    entropyUsed = 0;
  }
  const salt = entropy.toString('hex', entropyUsed, entropyUsed + SALT_BYTES);
  entropyUsed += SALT_BYTES;
  return salt;
}

export function chainHash(prevHash: string, contentHash: string): string {
  return sha256(prevHash + contentHash);
}

export function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `data` with the value at `path` replaced; the objects on the way are copied, nothing else. */
export function withValueAt(data: unknown, path: string, value: unknown): unknown {
  const [key, ...rest] = path.split('.');
  const object = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return { ...object, [key!]: rest.length === 0 ? value : withValueAt(object[key!], rest.join('.'), value) };
}

/** undefined: the field is absent; null: present without a salt. */
function fieldHashAt(data: unknown, path: string, salt: string | undefined): string | null | undefined {
  const value = valueAt(data, path);
  if (value === undefined) return undefined;
  return salt === undefined ? null : fieldHashOf(salt, value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
