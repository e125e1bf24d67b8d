import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  SNAPSHOT_STORE,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type SnapshotStore,
} from '../../event-store/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { LruMap } from '../../shared/index.js';
import { foldAppended, foldStored, toStoredEvents, type EventMetadata } from './envelope.js';
import { loadLiveBlog, type HeldLiveBlog } from './live-blog-snapshots.js';
import { streamOf } from './stream-names.js';

/**
 * What the command path needs to extend a blog's stream: the state to decide on and the hash chain's
 * end (`lastHash`, the next event's prevHash).
 */
type WriteState = HeldLiveBlog;

/**
 * The write side's own state per blog, apart from the readers' views: a load extends the cached
 * state with whatever the store holds past it (the store is the truth: another node may have written).
 * What this node appends is folded in as it commits, so that while no other node writes to a blog
 * its cached state is already the store's head. It keeps as many stories as the views hold in
 * memory (LIVE_BLOGS_IN_MEMORY), the least recently written dropped first and loaded again when next written.
 */
@Injectable()
export class WriteStates {
  private readonly blogs: LruMap<string, WriteState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'liveBlogsInMemory'>,
  ) {
    this.blogs = new LruMap(config.liveBlogsInMemory);
  }

  /**
   * The state this node last saw of the blog, without asking the store; undefined when it has none.
   * It may be behind the store: only an append on its revision that the store accepts proves it current.
   */
  cached(liveBlogId: string): WriteState | undefined {
    return this.blogs.get(liveBlogId);
  }

  /**
   * The first load of a blog starts from its snapshot (checked against the stored event at its
   * revision) and the events after it; later ones from the cached state.
   */
  async load(liveBlogId: string): Promise<WriteState> {
    const cached = this.blogs.get(liveBlogId);
    if (!cached) return this.keep(liveBlogId, (await loadLiveBlog(this.store, this.snapshots, liveBlogId)).held);
    const read = { fromRevision: cached.state.revision + 1 };
    const tail = toStoredEvents(await this.store.readStream(streamOf(liveBlogId), read));
    const last = tail.at(-1);
    if (!last) return cached;
    return this.keep(liveBlogId, {
      state: foldStored(cached.state, tail),
      position: last.position,
      lastHash: last.metadata.hash,
    });
  }

  /** Folds a batch the store has just committed on `from` (its revision was the one expected) into the cache. */
  committed(
    liveBlogId: string,
    from: WriteState,
    events: readonly EventToAppend<EventMetadata>[],
    result: AppendResult,
  ): void {
    const last = events.at(-1);
    if (!last) return;
    this.keep(liveBlogId, {
      state: foldAppended(from.state, events, result.nextRevision - events.length),
      position: result.position,
      lastHash: last.metadata.hash,
    });
  }

  /** Loads and commits of one blog may overlap: the cache keeps the state that reaches furthest. */
  private keep(liveBlogId: string, loaded: WriteState): WriteState {
    if (loaded.state.revision > (this.blogs.peek(liveBlogId)?.state.revision ?? -1)) this.blogs.set(liveBlogId, loaded);
    return loaded;
  }
}
