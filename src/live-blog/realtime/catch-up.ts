import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { toStoredEvents } from '../application/envelope.js';
import { streamOf } from '../application/stream-names.js';
import { ArticleViews } from '../projections/article-views.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import type { SubscribedWithArticle, SubscribedWithEvents, SubscribeRequest } from './live-events.js';
import { isPublicEvent, toPublicEvent } from './public-events.js';

const REDRAWN: ReadonlySet<string> = new Set(['UpdateRetracted', 'UpdateRedacted']);

/** Longest gap replayed event by event; past it the reader redraws from the article. */
const MAX_REPLAYED_GAP = 500;

type CatchUpAck = SubscribedWithArticle | SubscribedWithEvents;

/**
 * What a subscribing reader needs, read from the store (not from this node's view, which may
 * lag behind another node's writes). The ack's `revision` is where live delivery takes over.
 */
@Injectable()
export class CatchUp {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly views: ArticleViews,
  ) {}

  /** null when the blog does not exist. */
  async ackFor(request: SubscribeRequest): Promise<CatchUpAck | null> {
    const resuming = request.afterRevision !== undefined;
    if (resuming && request.epoch === this.store.epoch) {
      const replay = await this.replay(request.liveBlogId, request.afterRevision!);
      if (replay) return replay;
    }
    return this.article(request.liveBlogId, resuming);
  }

  private async replay(liveBlogId: string, afterRevision: number): Promise<SubscribedWithEvents | null> {
    const stream = streamOf(liveBlogId);
    const read = { fromRevision: afterRevision + 1, maxCount: MAX_REPLAYED_GAP + 1 };
    const events = toStoredEvents(await this.store.readStream(stream, read));
    // A retraction or a redaction in the gap: the reader redraws from the article, which no longer holds the text.
    if (events.length > MAX_REPLAYED_GAP || events.some((event) => REDRAWN.has(event.type))) return null;
    if (events.length === 0) {
      // Nothing missed, provided the reader's revision exists: a revision from elsewhere redraws.
      const head = await this.store.streamRevision(stream);
      if (head < afterRevision || head === -1) return null;
    }
    return {
      ok: true,
      epoch: this.store.epoch,
      revision: events.at(-1)?.revision ?? afterRevision,
      events: events.filter(isPublicEvent).map((event) => toPublicEvent(liveBlogId, event)),
      recovered: true,
    };
  }

  private async article(liveBlogId: string, resuming: boolean): Promise<SubscribedWithArticle | null> {
    const state = await this.projections.latest(liveBlogId);
    if (state.status === 'none') return null;
    return {
      ok: true,
      epoch: this.store.epoch,
      revision: state.revision,
      // Built once per revision and shared: a crowd of new readers asks for the same article.
      article: this.views.article(liveBlogId, state),
      ...(resuming ? { recovered: false as const } : {}),
    };
  }
}
