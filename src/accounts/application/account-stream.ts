import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import { ACCOUNT_EVENT_TYPES, type AccountEvent } from '../domain/account-events.js';
import type { Author } from '../../kernel/index.js';

/**
 * Every account event lives in this one stream: a node learns every account and session by
 * reading it, and a user name is claimed once across nodes by appending at the revision read.
 * Not a `liveblog-` stream, so no live-blog view, push, change feed or audit ever reads it.
 */
export const ACCOUNTS_STREAM = 'accounts';

export type AccountEventMetadata = {
  /** Who did it: an admin (API or `npm run user`), or the account itself signing in and out. */
  readonly actor: Author;
  readonly schemaVersion: 1;
};

export function accountEnvelope(events: readonly AccountEvent[], actor: Author): EventToAppend<AccountEventMetadata>[] {
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: { ...event.data },
    metadata: { actor, schemaVersion: 1 },
  }));
}

/** The stored event as an account event; anything else in the stream is a fault worth stopping for. */
export function toAccountEvent(recorded: RecordedEvent): AccountEvent {
  const { type, data } = recorded;
  if (!ACCOUNT_EVENT_TYPES.has(type) || typeof data.username !== 'string') {
    throw new Error(`event ${recorded.eventId} in ${recorded.stream} is not an account event`);
  }
  return { type, data } as AccountEvent;
}
