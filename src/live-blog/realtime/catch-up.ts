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

/** Stories whose replays are kept, the one least recently moved on going first; gaps kept per story. */
const STORIES_KEPT = 256;
const GAPS_KEPT = 32;

/** The replays made at one head revision of a story, by the revision readers resume after. */
interface Replays {
  readonly head: number;
  readonly byAfter: Map<number, Promise<SubscribedWithEvents | null>>;
}

/**
 * What a subscribing reader needs, read from the store (not from this node's view, which may
 * lag behind another node's writes). The ack's `revision` is where live delivery takes over.
 * A crowd resuming from one page (a push notification's click-through) asks for the same gap:
 * each gap is read and built once per head revision of the story, and the ack shared.
 */
@Injectable()
export class CatchUp {
  private readonly replays = new Map<string, Replays>();

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

  /** The events after `afterRevision` up to the story's head now, or null when the reader must redraw. */
  private async replay(liveBlogId: string, afterRevision: number): Promise<SubscribedWithEvents | null> {
    const head = await this.store.streamRevision(streamOf(liveBlogId));
    // Nothing missed, provided the reader's revision exists: a revision from elsewhere redraws.
    if (head === -1 || head < afterRevision || head - afterRevision > MAX_REPLAYED_GAP) return null;
    let replays = this.replays.get(liveBlogId);
    if (replays?.head !== head) {
      replays = { head, byAfter: new Map() };
      this.replays.delete(liveBlogId);
      this.replays.set(liveBlogId, replays);
      if (this.replays.size > STORIES_KEPT) this.replays.delete(this.replays.keys().next().value!);
    }
    let replay = replays.byAfter.get(afterRevision);
    if (!replay) {
      replay = this.read(liveBlogId, afterRevision, head);
      replays.byAfter.set(afterRevision, replay);
      if (replays.byAfter.size > GAPS_KEPT) replays.byAfter.delete(replays.byAfter.keys().next().value!);
      // A failed read is not kept: the next reader reads again.
      replay.catch(() => replays.byAfter.delete(afterRevision));
    }
    return replay;
  }

  private async read(liveBlogId: string, afterRevision: number, head: number): Promise<SubscribedWithEvents | null> {
    const read = { fromRevision: afterRevision + 1, maxCount: head - afterRevision };
    const events =
      head === afterRevision ? [] : toStoredEvents(await this.store.readStream(streamOf(liveBlogId), read));
    // A retraction or a redaction in the gap: the reader redraws from the article, which no longer holds the text.
    if (events.some((event) => REDRAWN.has(event.type))) return null;
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
