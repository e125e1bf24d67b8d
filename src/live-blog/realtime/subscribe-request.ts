import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import { type LiveError, liveError, type SubscribeRequest } from './live-events.js';

/** Checks a socket payload by hand: it is small, and a bad one must get an error ack, never an exception. */
export function parseSubscribe(payload: unknown): SubscribeRequest | LiveError {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return invalid('the payload must be an object');
  const { liveBlogId, afterRevision, epoch, ...rest } = payload as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return invalid(`unknown field ${unknown[0]}`);
  if (typeof liveBlogId !== 'string' || !LIVE_BLOG_ID_PATTERN.test(liveBlogId))
    return invalid('liveBlogId must be a live blog id (a slug)');
  if (afterRevision !== undefined && (!Number.isSafeInteger(afterRevision) || (afterRevision as number) < -1)) {
    return invalid('afterRevision must be an integer of -1 or more');
  }
  if (epoch !== undefined && (typeof epoch !== 'string' || epoch.length === 0 || epoch.length > 100))
    return invalid('epoch must be a string');
  return { liveBlogId, afterRevision: afterRevision as number | undefined, epoch: epoch as string | undefined };
}

export function parseUnsubscribe(payload: unknown): { liveBlogId: string } | LiveError {
  if (typeof payload !== 'object' || payload === null) return invalid('the payload must be an object');
  const { liveBlogId } = payload as Record<string, unknown>;
  if (typeof liveBlogId !== 'string' || !LIVE_BLOG_ID_PATTERN.test(liveBlogId))
    return invalid('liveBlogId must be a live blog id (a slug)');
  return { liveBlogId };
}

export function isLiveError(value: object): value is LiveError {
  return 'ok' in value && value.ok === false;
}

function invalid(message: string): LiveError {
  return liveError('invalid', message);
}
