import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import type { SignedCheckpoint } from '../../signing/index.js';
import { toStoredEvents } from '../application/envelope.js';
import { streamOf } from '../application/stream-names.js';
import { ChainHeads } from '../projections/chain-heads.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import type { PublicEvent } from './live-events.js';
import { isPublicEvent, toPublicEvent } from './public-events.js';

export interface ChangesPage {
  readonly liveBlogId: string;
  readonly epoch: string;
  readonly afterRevision: number;
  /** The blog's head when the page was read. */
  readonly revision: number;
  readonly events: PublicEvent[];
  /** Pass as `afterRevision` for the next page (or the next poll). */
  readonly nextAfterRevision: number;
  readonly hasMore: boolean;
  /** The signed checkpoint of the newest revision this node holds (at `revision`, or a moment behind it). */
  readonly checkpoint: SignedCheckpoint | null;
}

/** The events the socket pushes, for clients that poll (apps, amp-live-list) and CDNs in front of them. */
@Injectable()
export class ChangeFeed {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly heads: ChainHeads,
  ) {}

  /** null when the blog does not exist. */
  async page(liveBlogId: string, afterRevision: number, limit: number): Promise<ChangesPage | null> {
    const read = { fromRevision: afterRevision + 1, maxCount: limit };
    const events = toStoredEvents(await this.store.readStream(streamOf(liveBlogId), read));
    // Loaded after the events, so every retraction up to the last of them is known and its text withheld.
    const state = await this.projections.latest(liveBlogId);
    if (state.status === 'none') return null;
    const retracted = new Set<string>();
    for (const update of state.updates) if (update.retraction) retracted.add(update.updateId);
    const nextAfterRevision = events.at(-1)?.revision ?? Math.max(afterRevision, -1);
    return {
      liveBlogId,
      epoch: this.store.epoch,
      afterRevision,
      revision: state.revision,
      events: events.filter(isPublicEvent).map((event) => toPublicEvent(liveBlogId, event, retracted)),
      nextAfterRevision,
      hasMore: nextAfterRevision < state.revision,
      checkpoint: this.heads.checkpoint(liveBlogId),
    };
  }
}
