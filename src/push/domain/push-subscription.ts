import { createHash } from 'node:crypto';
import { DomainError } from '../../kernel/index.js';

const MAX_ENDPOINT_LENGTH = 2000;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export class InvalidPushSubscription extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidPushSubscription';
}

export class PushSubscriptionNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'PushSubscriptionNotFound';
}

interface CheckedSubscription {
  readonly endpoint: URL;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/**
 * A browser's PushSubscription as JSON (`subscription.toJSON()`): an absolute endpoint URL and the
 * keys RFC 8291 encrypts to: `p256dh`, an uncompressed P-256 point (65 bytes), and `auth`, 16 bytes.
 * Whether the endpoint's scheme and host may be reached is the destination guard's to say.
 */
export function checkedSubscription(input: {
  readonly endpoint?: unknown;
  readonly keys?: { readonly p256dh?: unknown; readonly auth?: unknown };
}): CheckedSubscription {
  const endpoint = checkedEndpoint(input.endpoint);
  const p256dh = key(input.keys?.p256dh, 'keys.p256dh', 65);
  if (Buffer.from(p256dh, 'base64url')[0] !== 0x04) {
    throw new InvalidPushSubscription('keys.p256dh must be an uncompressed P-256 point', 'keys.p256dh');
  }
  return { endpoint, keys: { p256dh, auth: key(input.keys?.auth, 'keys.auth', 16) } };
}

export function checkedEndpoint(value: unknown): URL {
  if (typeof value !== 'string' || value.length > MAX_ENDPOINT_LENGTH) {
    throw new InvalidPushSubscription(
      `endpoint must be a URL of at most ${MAX_ENDPOINT_LENGTH} characters`,
      'endpoint',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidPushSubscription('endpoint must be an absolute URL', 'endpoint');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidPushSubscription('endpoint must be an https:// URL', 'endpoint');
  }
  if (url.username || url.password) {
    throw new InvalidPushSubscription('endpoint may not carry a user name or password', 'endpoint');
  }
  return url;
}

function key(value: unknown, field: string, bytes: number): string {
  if (typeof value !== 'string' || !BASE64URL.test(value) || Buffer.from(value, 'base64url').length !== bytes) {
    throw new InvalidPushSubscription(`${field} must be ${bytes} bytes in base64url`, field);
  }
  return value.replace(/=+$/, '');
}

/** One subscription per endpoint and story: subscribing again changes nothing. The id reveals neither. */
export function subscriptionIdOf(liveBlogId: string, endpoint: string): string {
  return createHash('sha256').update(`${liveBlogId}\n${endpoint}`).digest('base64url').slice(0, 32);
}
