import { jsonEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventToAppend, RecordedEvent } from '../event-store.js';
import type { StreamNames } from './kurrentdb-mapping.js';
import { readServerStream } from './kurrentdb-server-streams.js';

/**
 * KurrentDB finds an event by stream and revision, not by id, and has no unique index on ids across
 * streams. So before an append the adapter writes a claim `{stream, revision}` for each event id to a
 * small stream of its own (`dateline-event-id-<uuid>`), and a lookup trusts a claim only once the
 * event at that place carries the id. A claim whose append then failed points at nothing (or at
 * another event) and is ignored; an event is never stored without its claim, because the claim is
 * written first. Claim streams are outside the `$all` filter, so the feed never shows them.
 */
export class EventIdClaims {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    /** Reads the event at one revision of a Dateline stream, or null. */
    private readonly readAt: (stream: string, revision: number) => Promise<RecordedEvent | null>,
  ) {}

  /** The stored event with this id, wherever it is, or null. */
  async find(eventId: string): Promise<RecordedEvent | null> {
    for (const claim of await this.claims(eventId)) {
      const event = await this.readAt(claim.stream, claim.revision);
      if (event?.eventId === eventId) return event;
    }
    return null;
  }

  /** Claims the places the batch is about to take: `stream` from `firstRevision` on. */
  async claim(stream: string, firstRevision: number, events: readonly EventToAppend[]): Promise<void> {
    await Promise.all(
      events.map((event, index) =>
        this.client.appendToStream(
          this.names.claimsOf(event.eventId),
          jsonEvent({ type: 'EventIdClaimed', data: { stream, revision: firstRevision + index } }),
        ),
      ),
    );
  }

  private async claims(eventId: string): Promise<Claim[]> {
    const found = await readServerStream(this.client, this.names.claimsOf(eventId));
    return found.map((record) => record.data as unknown).filter(isClaim);
  }
}

interface Claim {
  readonly stream: string;
  readonly revision: number;
}

function isClaim(value: unknown): value is Claim {
  const claim = value as Partial<Claim> | null;
  return typeof claim?.stream === 'string' && Number.isSafeInteger(claim.revision);
}
