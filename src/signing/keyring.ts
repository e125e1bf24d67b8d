import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Public keys as a JSON Web Key Set (RFC 7517, Ed25519 keys as RFC 8037 `OKP` keys), so any tool
 * can read the document published at /.well-known/dateline-keys.json. A key's id is its RFC 7638
 * thumbprint: it names the key itself, so a document cannot pair an id with another key.
 */
export interface PublishedKey {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly alg: 'EdDSA';
  /** `current` signs new checkpoints; `retired` keys stay listed so what they signed still verifies. */
  readonly status: 'current' | 'retired';
}

export interface KeySet {
  readonly keys: readonly PublishedKey[];
}

/** Public keys by key id. */
export type Keyring = ReadonlyMap<string, KeyObject>;

/** A key document or key that cannot be used, with the reason. */
export class UnusableKey extends Error {
  override readonly name = 'UnusableKey';
}

export function publishedKeyOf(publicKey: KeyObject, status: PublishedKey['status']): PublishedKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new UnusableKey('checkpoint keys must be Ed25519 keys');
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new UnusableKey('the Ed25519 key has no public part');
  return { kty: 'OKP', crv: 'Ed25519', x, kid: thumbprintOf(x), use: 'sig', alg: 'EdDSA', status };
}

/** RFC 7638: sha256 of the key's required members in lexicographic order, base64url. */
function thumbprintOf(x: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** The keys of a key set (the well-known document, or the one inside an evidence bundle), each checked. */
export function keyringOf(document: unknown): Keyring {
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new UnusableKey('a key set is an object with a "keys" array');
  const ring = new Map<string, KeyObject>();
  keys.forEach((key: unknown, index) => {
    const { kty, crv, x, kid } = (key ?? {}) as Record<string, unknown>;
    if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(x)) {
      throw new UnusableKey(`keys[${index}] is not an Ed25519 public key (kty "OKP", crv "Ed25519", x)`);
    }
    if (kid !== thumbprintOf(x)) throw new UnusableKey(`keys[${index}]: kid is not the key's RFC 7638 thumbprint`);
    ring.set(kid, createPublicKey({ key: { kty, crv, x }, format: 'jwk' }));
  });
  return ring;
}
