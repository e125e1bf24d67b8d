import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '../application/command-handler.js';

/** Namespace of the ids the server makes for a request that came with an Idempotency-Key. */
const MADE_ID_NAMESPACE = '2d8f6b1a-94c3-4e0f-8b2d-7a5c3e9f1d64';

/**
 * An id the client did not give: random, or, under an Idempotency-Key, derived from the writer and
 * the key, so a retried request names the same update (or submission) its first attempt made.
 */
export function madeId(context: CommandContext, purpose: string): string {
  if (context.idempotencyKey === undefined) return randomUUID();
  return uuidv5(`${context.author.id}|${context.idempotencyKey}|${purpose}`, MADE_ID_NAMESPACE);
}
