import type { StoredEvent } from '../application/envelope.js';
import { isNewsroomEvent, redactedText } from '../domain/index.js';
import type { PublicEvent } from './live-events.js';

/**
 * Whether readers may see the event at all: a scheduled update before its time and a contributor's
 * submission are the newsroom's (DESIGN §3b). Their revisions are simply absent from what readers
 * get, as a reader who resumes after a revision expects no particular next one.
 */
export function isPublicEvent(event: { readonly type: string }): boolean {
  return !isNewsroomEvent(event.type);
}

/**
 * A stored event as readers may see it. `retracted` names updates retracted since: their posted
 * text is withheld (the change feed replays old events; a socket catch-up redraws instead).
 * Why an update was retracted is for auditors only (it may name what the update got wrong).
 */
export function toPublicEvent(
  liveBlogId: string,
  event: StoredEvent,
  retracted: ReadonlySet<string> = new Set(),
): PublicEvent {
  const { at } = event.metadata;
  const updateId = typeof event.data.updateId === 'string' ? event.data.updateId : undefined;
  const withheld =
    updateId !== undefined &&
    retracted.has(updateId) &&
    (event.type === 'UpdatePosted' || event.type === 'UpdateCorrected');
  return {
    liveBlogId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    at,
    data: withheld ? { updateId, retracted: true } : publicData(event),
  };
}

/**
 * Why an update was retracted or redacted is for auditors; a redaction's reference is public, as is its placeholder.
 * Where a posted update came from (who scheduled it, which contributor filed it) is the newsroom's record.
 */
function publicData(event: StoredEvent): Record<string, unknown> {
  if (event.type === 'UpdatePosted' && 'origin' in event.data) {
    const { origin: _newsroomOnly, ...data } = event.data;
    return data;
  }
  if (event.type !== 'UpdateRetracted' && event.type !== 'UpdateRedacted') return event.data;
  const { reason: _auditorsOnly, ...data } = event.data;
  if (event.type === 'UpdateRetracted' || typeof data.reference !== 'string') return data;
  return { ...data, text: redactedText(data.reference) };
}
