import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Author } from '../domain/index.js';

/**
 * DESIGN §3: contentHash = sha256(canonical JSON of {type, data, at, author}) and
 * hash = sha256(prevHash + contentHash). Canonical JSON is RFC 8785 (JCS), so any language can verify.
 */
export interface HashInput {
  readonly type: string;
  readonly data: unknown;
  readonly at: string;
  readonly author: Author;
}

export function contentHashOf(input: HashInput): string {
  const canonical = canonicalize({ type: input.type, data: input.data, at: input.at, author: input.author });
  return sha256(canonical ?? '');
}

export function chainHash(prevHash: string, contentHash: string): string {
  return sha256(prevHash + contentHash);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
