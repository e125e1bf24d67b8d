import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import type { Author } from '../../kernel/index.js';
import { QUESTION_EVENT_TYPES, type QuestionEvent } from '../domain/question-events.js';

/**
 * Each story's questions live in a stream of their own. It is not a `liveblog-` stream, so no view,
 * push, change feed, feed, webhook, story list or audit of the story ever reads it.
 */
const PREFIX = 'questions-';

export function questionStream(liveBlogId: string): string {
  return PREFIX + liveBlogId;
}

type QuestionEventMetadata = {
  /** The editor who answered or dismissed, the admin who purged; absent for a reader's question (anonymous). */
  readonly actor?: Author;
  readonly schemaVersion: 1;
  /** Set on a question whose name and text a purge rewrote. */
  readonly purged?: true;
};

export function questionEnvelope(event: QuestionEvent, actor?: Author): EventToAppend<QuestionEventMetadata> {
  const metadata: QuestionEventMetadata = actor ? { actor, schemaVersion: 1 } : { schemaVersion: 1 };
  return { eventId: randomUUID(), type: event.type, data: { ...event.data }, metadata };
}

/** The stored event as a question event; anything else in the stream is a fault worth stopping for. */
export function toQuestionEvent(recorded: RecordedEvent): QuestionEvent {
  const { type, data } = recorded;
  if (!QUESTION_EVENT_TYPES.has(type) || typeof data.questionId !== 'string') {
    throw new Error(`event ${recorded.eventId} in ${recorded.stream} is not a question event`);
  }
  return { type, data } as QuestionEvent;
}
