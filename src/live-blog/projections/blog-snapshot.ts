import type { RecordedEvent } from '../../event-store/event-store.js';
import { evolve, initialState, type Author, type LiveBlogHistoryEvent, type LiveBlogState } from '../domain/index.js';

/** A blog's folded state plus what a writer needs to extend its stream: the last position and hash. */
export interface BlogSnapshot {
  readonly state: LiveBlogState;
  readonly position: number;
  readonly lastHash: string;
}

export const emptySnapshot: BlogSnapshot = { state: initialState, position: 0, lastHash: '' };

export interface LiveBlogMetadata {
  readonly at: string;
  readonly author: Author;
  readonly hash?: string;
  readonly [key: string]: unknown;
}

export function toHistoryEvent(recorded: RecordedEvent): LiveBlogHistoryEvent {
  const metadata = recorded.metadata as unknown as LiveBlogMetadata;
  return {
    type: recorded.type,
    data: recorded.data,
    revision: recorded.revision,
    at: metadata.at,
    author: metadata.author,
  } as LiveBlogHistoryEvent;
}

/** The one fold: the live view, a rebuild and the command path all extend a snapshot with this. */
export function foldRecorded(snapshot: BlogSnapshot, recorded: RecordedEvent): BlogSnapshot {
  const metadata = recorded.metadata as unknown as LiveBlogMetadata;
  return {
    state: evolve(snapshot.state, toHistoryEvent(recorded)),
    position: recorded.position,
    lastHash: typeof metadata.hash === 'string' ? metadata.hash : snapshot.lastHash,
  };
}
