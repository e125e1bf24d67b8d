import { InvalidCheckpoint } from '../errors.js';
import type { Checkpoint } from '../event-store.js';

/**
 * A place in the PostgreSQL feed: the writing transaction's id (xid8) and the row's position.
 * Both are unsigned 64-bit numbers, kept as decimal strings (a position may pass 2^53 one day).
 */
export interface FeedPlace {
  readonly transactionId: string;
  readonly position: string;
}

const WIDTH = 20;
const PATTERN = /^(\d{20})-(\d{20})$/;
const MAX_UINT64 = 2n ** 64n - 1n;

/** Before the first event: every stored event comes after it. */
export const FEED_START: FeedPlace = { transactionId: '0', position: '0' };

/** Zero-padded to a fixed width so that checkpoints compare as plain strings in feed order. */
export function encodeCheckpoint(place: FeedPlace): Checkpoint {
  return `${place.transactionId.padStart(WIDTH, '0')}-${place.position.padStart(WIDTH, '0')}` as Checkpoint;
}

export function decodeCheckpoint(checkpoint: string): FeedPlace {
  const match = PATTERN.exec(checkpoint);
  if (!match || BigInt(match[1]) > MAX_UINT64 || BigInt(match[2]) > MAX_UINT64) throw new InvalidCheckpoint(checkpoint);
  return { transactionId: BigInt(match[1]).toString(), position: BigInt(match[2]).toString() };
}
