import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import type { SessionEvent } from '../domain/account-book.js';
import { ACCOUNT_EVENT_TYPES, type AccountEvent } from '../domain/account-events.js';
import type { Author } from '../../kernel/index.js';

/**
 * Accounts live in this one stream: a node learns every account by reading it, and a user name is
 * claimed once across nodes by appending at the revision read. Not a `liveblog-` stream, so no
 * live-blog view, push, change feed or audit ever reads it (nor the sessions streams below).
 */
export const ACCOUNTS_STREAM = 'accounts';

const SESSIONS_PREFIX = 'sessions-';

/**
 * Each account's sessions, in a stream of its own, appended whatever its revision: sign-ins never
 * wait for each other or race on the `accounts` stream (sessions stored before it are in `accounts`).
 */
export function sessionsStream(username: string): string {
  return SESSIONS_PREFIX + username;
}

/** The user name whose sessions the stream holds, or null for any other stream. */
export function usernameOfSessionsStream(stream: string): string | null {
  return stream.startsWith(SESSIONS_PREFIX) ? stream.slice(SESSIONS_PREFIX.length) : null;
}

type AccountEventMetadata = {
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

/** A stored event of a sessions stream; an account event of another kind there is a fault worth stopping for. */
export function toSessionEvent(recorded: RecordedEvent): SessionEvent {
  const event = toAccountEvent(recorded);
  if (event.type !== 'SessionStarted' && event.type !== 'SessionEnded') {
    throw new Error(`event ${recorded.eventId} in ${recorded.stream} is not a session event`);
  }
  return event;
}
