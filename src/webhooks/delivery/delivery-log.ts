import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../../event-store/index.js';
import { deliveryLogStream } from '../application/webhook-stream.js';

const ATTEMPT_TYPE = 'DeliveryAttempted';

/** One try of one message, as admins see it in `GET /api/webhooks/:id/deliveries`. */
export interface DeliveryAttempt {
  readonly messageId: string;
  readonly type: string;
  readonly liveBlogId: string;
  readonly revision: number;
  /** 1 for the first try of the message (counted again from 1 after an admin resumes the endpoint). */
  readonly attempt: number;
  readonly attemptedAt: string;
  readonly durationMs: number;
  readonly status: number | null;
  readonly outcome: 'delivered' | 'failed' | 'gone';
  readonly error?: string;
  /** The first bytes of the response body. */
  readonly response?: string;
}

/** What the log stores besides: where in the feed the endpoint stands after this entry. */
export interface LoggedAttempt extends DeliveryAttempt {
  /** The feed checkpoint of the message's event. */
  readonly eventCheckpoint: string;
  /** Every event of the feed up to here is delivered (or not wanted): delivery resumes after it. */
  readonly deliveredAfter: string;
}

/**
 * Each endpoint's attempts, one event each in its own stream of the store: what admins read, and
 * the endpoint's durable place in the feed (the last entry's `deliveredAfter`). An entry is
 * appended at the revision its writer last saw, so a node that lost its lease to another cannot
 * write past the new holder's entries: the store refuses it.
 */
export class DeliveryLog {
  constructor(
    private readonly store: EventStore,
    readonly webhookId: string,
  ) {}

  private get stream(): string {
    return deliveryLogStream(this.webhookId);
  }

  /** The last entry and its revision (-1 and null for an empty log). */
  async last(): Promise<{ readonly revision: number; readonly entry: LoggedAttempt | null }> {
    const [last] = await this.store.readStream(this.stream, { direction: 'backwards', maxCount: 1 });
    return last ? { revision: last.revision, entry: toAttempt(last) } : { revision: -1, entry: null };
  }

  /** Newest first; what an admin sees (never the checkpoints). */
  async recent(limit: number): Promise<DeliveryAttempt[]> {
    const events = await this.store.readStream(this.stream, { direction: 'backwards', maxCount: limit });
    return events.map((event) => {
      const { eventCheckpoint: _, deliveredAfter: __, ...attempt } = toAttempt(event);
      return attempt;
    });
  }

  /** Appends after `afterRevision` (-1: the first entry); WrongExpectedRevision when someone else wrote first. */
  async append(entry: LoggedAttempt, afterRevision: number): Promise<number> {
    const expectedRevision = afterRevision < 0 ? 'no_stream' : afterRevision;
    const event = { eventId: randomUUID(), type: ATTEMPT_TYPE, data: { ...entry }, metadata: { schemaVersion: 1 } };
    const result = await this.store.append(this.stream, [event], { expectedRevision });
    return result.nextRevision - 1;
  }
}

function toAttempt(event: RecordedEvent): LoggedAttempt {
  const data = event.data;
  if (event.type !== ATTEMPT_TYPE || typeof data.deliveredAfter !== 'string') {
    throw new Error(`event ${event.eventId} in ${event.stream} is not a delivery attempt`);
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const outcome = data.outcome === 'delivered' || data.outcome === 'gone' ? data.outcome : 'failed';
  return {
    messageId: String(data.messageId),
    type: String(data.type),
    liveBlogId: String(data.liveBlogId),
    revision: Number(data.revision),
    attempt: Number(data.attempt),
    attemptedAt: String(data.attemptedAt),
    durationMs: Number(data.durationMs),
    status: typeof data.status === 'number' ? data.status : null,
    outcome,
    ...(text(data.error) !== undefined ? { error: text(data.error) } : {}),
    ...(text(data.response) !== undefined ? { response: text(data.response) } : {}),
    eventCheckpoint: String(data.eventCheckpoint),
    deliveredAfter: data.deliveredAfter,
  };
}
