import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../event-store/index.js';
import { toStoredEvent } from '../../live-blog/index.js';
import { liveBlogIdOf } from '../../live-blog/index.js';
import { ProjectionRunner } from '../../live-blog/index.js';
import { toPublicEvent } from '../../live-blog/index.js';
import { WEBHOOK_TYPE_OF } from '../domain/webhook-types.js';

/** A fixed namespace: one endpoint's message for one stored event always has the same id, on every node. */
const MESSAGE_ID_NAMESPACE = '5b0a6c1e-8f2d-4c39-9a57-2e4d1b7c6f80';

export interface WebhookMessage {
  /** `webhook-id`: the same on every attempt of this event to this endpoint. */
  readonly id: string;
  readonly type: string;
  readonly liveBlogId: string;
  readonly revision: number;
  /** The JSON body, exactly the bytes that are signed and sent. */
  readonly body: string;
}

/** The message id of a stored event for an endpoint; known before the payload is built. */
function messageIdOf(webhookId: string, event: RecordedEvent): string {
  return `msg_${uuidv5(`${webhookId}/${event.eventId}`, MESSAGE_ID_NAMESPACE).replaceAll('-', '')}`;
}

/**
 * The webhook of a story's event: only what a public reader may see. Built afresh for every
 * attempt, from the store as it is then: text redacted since is the placeholder, an update
 * retracted since is sent without its text, and no reason (retraction, redaction, correction,
 * closing) is ever sent.
 */
@Injectable()
export class WebhookPayloads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  async build(webhookId: string, event: RecordedEvent): Promise<WebhookMessage | null> {
    const liveBlogId = liveBlogIdOf(event.stream);
    const type = WEBHOOK_TYPE_OF[event.type];
    if (liveBlogId === null || type === undefined) return null;
    const [stored] = await this.store.readStream(event.stream, { fromRevision: event.revision, maxCount: 1 });
    const state = await this.projections.latest(liveBlogId);
    const retracted = new Set<string>();
    if (state.status !== 'none')
      for (const update of state.updates) if (update.retraction) retracted.add(update.updateId);
    const shown = toPublicEvent(liveBlogId, toStoredEvent(stored ?? event), retracted);
    const { reason: _neverSent, ...data } = shown.data;
    const body = JSON.stringify({
      type,
      timestamp: shown.at,
      data: { liveBlogId, revision: shown.revision, position: shown.position, ...data },
    });
    return { id: messageIdOf(webhookId, event), type, liveBlogId, revision: event.revision, body };
  }
}
