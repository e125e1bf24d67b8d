import { randomUUID } from 'node:crypto';
import type { Checkpoint, EventStore } from '../../event-store/index.js';
import { PUSH_LOG_STREAM } from '../application/push-stream.js';

const ENTRY_TYPE = 'NotificationsSent';

/** One story event the sender handled: what it sent and where in the feed it stands after it. */
interface PushLogEntry {
  readonly liveBlogId: string;
  readonly revision: number;
  readonly type: string;
  readonly updateId?: string;
  readonly sent: number;
  readonly dropped: number;
  readonly failed: number;
  /** Every event of the feed up to here is handled: sending resumes after it. */
  readonly deliveredAfter: string;
}

/**
 * The sender's durable place in the store feed, one event per notified story event in the private
 * `push-log` stream. Appended at the revision its writer last read, so a node that lost the lease
 * to another cannot write past the new holder's entries: the store refuses it.
 */
export class PushLog {
  constructor(private readonly store: EventStore) {}

  async last(): Promise<{ readonly revision: number; readonly deliveredAfter: Checkpoint | null }> {
    const [last] = await this.store.readStream(PUSH_LOG_STREAM, { direction: 'backwards', maxCount: 1 });
    if (!last) return { revision: -1, deliveredAfter: null };
    return { revision: last.revision, deliveredAfter: String(last.data.deliveredAfter) as Checkpoint };
  }

  /** Appends after `afterRevision` (-1: the first entry); WrongExpectedRevision when another node wrote first. */
  async append(entry: PushLogEntry, afterRevision: number): Promise<number> {
    const expectedRevision = afterRevision < 0 ? 'no_stream' : afterRevision;
    const event = { eventId: randomUUID(), type: ENTRY_TYPE, data: { ...entry }, metadata: { schemaVersion: 1 } };
    const result = await this.store.append(PUSH_LOG_STREAM, [event], { expectedRevision });
    return result.nextRevision - 1;
  }
}
