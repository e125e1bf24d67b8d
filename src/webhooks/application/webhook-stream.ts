import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../../event-store/index.js';
import type { Author } from '../../kernel/index.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEvent } from '../domain/webhook-events.js';

/**
 * Endpoints live in this one stream, their delivery logs in one stream each. Neither is a
 * `liveblog-` stream, so no live-blog view, push, change feed, story list or audit reads them.
 */
export const WEBHOOKS_STREAM = 'webhooks';

const LOG_PREFIX = 'webhook-log-';

export function deliveryLogStream(webhookId: string): string {
  return LOG_PREFIX + webhookId;
}

type WebhookEventMetadata = {
  /** The admin who registered, rotated, resumed or deleted; the server itself for failing and disabled. */
  readonly actor: Author;
  readonly schemaVersion: 1;
};

/** The server marks an endpoint failing or disabled: recorded as that actor. */
export const DELIVERY_ACTOR: Author = { id: 'webhook-delivery', name: 'Webhook delivery', role: 'system' };

export function webhookEnvelope(event: WebhookEvent, actor: Author): EventToAppend<WebhookEventMetadata> {
  return { eventId: randomUUID(), type: event.type, data: { ...event.data }, metadata: { actor, schemaVersion: 1 } };
}

/** The stored event as a webhook event; anything else in the stream is a fault worth stopping for. */
export function toWebhookEvent(recorded: RecordedEvent): WebhookEvent {
  const { type, data } = recorded;
  if (!WEBHOOK_EVENT_TYPES.has(type) || typeof data.webhookId !== 'string') {
    throw new Error(`event ${recorded.eventId} in ${recorded.stream} is not a webhook event`);
  }
  return { type, data } as WebhookEvent;
}
