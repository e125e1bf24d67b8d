import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.js';
import { initialState, type LiveBlogState } from '../domain/index.js';
import { foldStored, toStoredEvents } from './envelope.js';
import { streamOf } from './stream-names.js';

/** What the command path needs to extend a blog's stream: the state to decide on and the hash chain's end. */
export interface WriteState {
  readonly state: LiveBlogState;
  /** The position of the stream's last event (0 before the first). */
  readonly position: number;
  /** The stream's last hash, the next event's prevHash ('' before the first). */
  readonly lastHash: string;
}

const NO_STREAM: WriteState = { state: initialState, position: 0, lastHash: '' };

/**
 * The write side's own state per blog, apart from the readers' views: a load extends the cached
 * state with whatever the store holds past it (the store is the truth: another node may have written).
 */
@Injectable()
export class WriteStates {
  private readonly blogs = new Map<string, WriteState>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(liveBlogId: string): Promise<WriteState> {
    const cached = this.blogs.get(liveBlogId) ?? NO_STREAM;
    const read = { fromRevision: cached.state.revision + 1 };
    const tail = toStoredEvents(await this.store.readStream(streamOf(liveBlogId), read));
    const last = tail.at(-1);
    if (!last) return cached;
    const loaded = { state: foldStored(cached.state, tail), position: last.position, lastHash: last.metadata.hash };
    // Loads of one blog may overlap: the cache keeps the one that read further.
    if (loaded.state.revision > (this.blogs.get(liveBlogId)?.state.revision ?? -1)) this.blogs.set(liveBlogId, loaded);
    return loaded;
  }
}
