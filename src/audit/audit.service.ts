import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/index.js';
import {
  foldStored,
  toHistoryEvent,
  toStoredEvents,
  streamOf,
  initialState,
  LiveBlogNotFound,
  type LiveBlogState,
  type OpenedBlog,
  ARTICLE_UPDATES,
  toArticleView,
  type ArticleView,
  type PublicUpdate,
  toPublicUpdate,
  updatesPage,
} from '../live-blog/index.js';
import { LoopTurns } from '../shared/index.js';
import { RevisionNotFound } from './audit-errors.js';
import { toAuditorView, type AuditorView, type RecordPage } from './auditor-view.js';
import { diff, type BlogDiff } from './diff.js';
import { figuresHistory, type FiguresRevision } from './figures-history.js';
import { FoldSnapshots, SNAPSHOT_EVERY } from './fold-snapshots.js';
import { placeOfPage, type PagePlace } from './page-place.js';
import { chainStart, checkLink, reportOf, type IntegrityReport } from './hash-chain-verifier.js';

/** Where a fold stops: after a revision, or after the last event the story dates at or before an instant; neither is the head. */
export interface HistoryPoint {
  readonly revision?: number;
  readonly at?: string;
}

export interface EventsPage {
  readonly events: RecordedEvent[];
  /** Pass as `fromRevision` for the next page; null when this page reached the head. */
  readonly nextFromRevision: number | null;
}

/** The reader's page, or the record with retracted updates kept and marked. */
export type AsOfView = 'reader' | 'record';

interface AsOfPage {
  readonly article: ArticleView | AuditorView;
  readonly place: PagePlace;
  /** The key points, as readers saw them: pinned updates may be on any page. */
  readonly pinnedUpdates: PublicUpdate[];
}

const every = () => true;

function pinnedOf(blog: OpenedBlog): PublicUpdate[] {
  return blog.pinned.flatMap((updateId) => {
    const update = blog.updates.byId(updateId);
    return update && !update.retraction ? [toPublicUpdate(update)] : [];
  });
}

/** How many updates an auditor's as-of view carries unless asked otherwise: as many as the reader's article. */
export const AS_OF_UPDATES = ARTICLE_UPDATES;

/** Reading a stream a page at a time bounds memory: only the state being folded is held, never the whole history. */
const PAGE_SIZE = SNAPSHOT_EVERY;
/** Events folded between looks at the clock (LoopTurns): a page folded at once held the event loop for up to 100 ms. */
const FOLD_SLICE = 100;

/**
 * The auditor's questions, answered from the store (the truth) rather than from this node's views.
 * Every past state is a fold on demand with `foldStored` (over a page at a time), the fold the
 * live views use, so an as-of view cannot disagree with the page readers were served.
 *
 * A past state starts from the nearest snapshot (FoldSnapshots, every 1,000 revisions), so it folds
 * at most 1,000 events: at 100,000 events a fold from the first one took most of a second
 * (bench/replay.ts, P3), while an as-of must answer in 20 ms.
 */
@Injectable()
export class AuditService {
  private readonly snapshots = new FoldSnapshots();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(id: string, fromRevision: number, limit: number): Promise<EventsPage> {
    const head = await this.head(id);
    const events = await this.store.readStream(streamOf(id), { fromRevision, maxCount: limit });
    const last = events.at(-1)?.revision;
    return { events, nextFromRevision: last !== undefined && last < head ? last + 1 : null };
  }

  /** The auditor's view at the point, with one page of the record's updates. */
  async asOf(id: string, point: HistoryPoint, page: RecordPage = { limit: AS_OF_UPDATES }): Promise<AuditorView> {
    return toAuditorView(id, await this.blogAt(id, point), page);
  }

  /**
   * One page of the reader's article (`reader`: what the reader page renders, so the auditor's page
   * shows a past state through the readers' own template) or of the record (`record`: retracted
   * updates kept and marked) as it stood at the point, and where that page stands among them all.
   */
  async pageAt(id: string, point: HistoryPoint, view: AsOfView, page: RecordPage): Promise<AsOfPage> {
    const blog = await this.blogAt(id, point);
    const pinnedUpdates = pinnedOf(blog);
    if (view === 'record') {
      return { article: toAuditorView(id, blog, page), place: placeOfPage(blog, page, every), pinnedUpdates };
    }
    const article = { ...toArticleView(id, blog), ...updatesPage(blog, page) };
    return { article, place: placeOfPage(blog, page, (update) => !update.retraction), pinnedUpdates };
  }

  /** Every change after revision `from` up to and including `to`. */
  async diff(id: string, from: number, to: number): Promise<BlogDiff> {
    const head = await this.head(id);
    if (to > head) throw new RevisionNotFound(`live blog "${id}" has revisions 0 to ${head}`, 'to');
    const before = await this.blogAt(id, { revision: from }, 'from');
    const events = [];
    for await (const page of this.pages(id, from + 1, to)) events.push(...toStoredEvents(page).map(toHistoryEvent));
    return diff(before, events);
  }

  async figures(id: string): Promise<FiguresRevision[]> {
    return figuresHistory(await this.blogAt(id, {}));
  }

  async integrity(id: string): Promise<IntegrityReport> {
    await this.head(id);
    let progress = chainStart;
    const turns = new LoopTurns();
    for await (const page of this.pages(id, 0, Number.MAX_SAFE_INTEGER)) {
      for (const event of page) {
        progress = checkLink(progress, event);
        await turns.due();
      }
    }
    return reportOf(progress);
  }

  /** The blog as it stood at the point: the readers' own fold, stopped there. */
  private async blogAt(id: string, point: HistoryPoint, field = 'revision'): Promise<OpenedBlog> {
    const head = await this.head(id);
    const last = point.revision ?? head;
    if (last > head) throw new RevisionNotFound(`live blog "${id}" has revisions 0 to ${head}`, field);
    const until = point.at === undefined ? Number.POSITIVE_INFINITY : Date.parse(point.at);
    await this.dropRewrittenSnapshots(id, head);
    // Folds of other questions run between the turns this one gives; a redaction may be seen by one meanwhile.
    const generation = this.snapshots.generation(id);
    let state: LiveBlogState = this.snapshots.nearest(id, last, until) ?? initialState;
    const turns = new LoopTurns();
    // Pages start after a snapshot revision and hold SNAPSHOT_EVERY events, so each full one ends on the next.
    for await (const recorded of this.pages(id, state.revision + 1, last)) {
      const page = toStoredEvents(recorded);
      // `at` never decreases within a stream, so the events dated up to the instant are a prefix.
      const after = page.findIndex((event) => Date.parse(event.metadata.at) > until);
      const dated = after === -1 ? page : page.slice(0, after);
      for (let start = 0; start < dated.length; start += FOLD_SLICE) {
        state = foldStored(state, dated.slice(start, start + FOLD_SLICE));
        await turns.due();
      }
      this.snapshots.remember(id, state, generation);
      if (after !== -1) break;
    }
    this.snapshots.check(id, [], head);
    if (state.status === 'none') {
      throw new RevisionNotFound(
        `live blog "${id}" was not open yet at ${point.at ?? `revision ${last}`}`,
        point.at ? 'at' : field,
      );
    }
    return state;
  }

  /** Snapshots folded before an event that rewrote stored history (a redaction) are dropped. */
  private async dropRewrittenSnapshots(id: string, head: number): Promise<void> {
    const checked = this.snapshots.checkedUpTo(id);
    if (checked === -1 || checked >= head) return;
    for await (const page of this.pages(id, checked + 1, head)) {
      this.snapshots.check(
        id,
        page.map((event) => event.type),
        page.at(-1)!.revision,
      );
    }
  }

  /**
   * The stream's events from one revision to another (both inclusive), a page at a time. A page
   * is filtered as well as limited: where a row is missing, a count alone would run past the end.
   * The event loop gets a turn between pages: SQLite reads synchronously, so a fold from the first
   * event of a 100,000-event story would otherwise hold it for most of a second.
   */
  private async *pages(id: string, fromRevision: number, toRevision: number): AsyncGenerator<RecordedEvent[]> {
    for (let next = fromRevision; next <= toRevision; ) {
      const maxCount = Math.min(PAGE_SIZE, toRevision - next + 1); // a question near a snapshot reads only what it needs
      const page = await this.store.readStream(streamOf(id), { fromRevision: next, maxCount });
      const inRange = page.filter((event) => event.revision <= toRevision);
      if (inRange.length > 0) yield inRange;
      if (page.length < maxCount || inRange.length < page.length) return;
      next = page.at(-1)!.revision + 1;
      await nextTurn();
    }
  }

  private async head(id: string): Promise<number> {
    const head = await this.store.streamRevision(streamOf(id));
    if (head === -1) throw new LiveBlogNotFound(id);
    return head;
  }
}
