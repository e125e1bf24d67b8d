import type { RecordedEvent } from '../../event-store/event-store.js';
import { foldHistory, initialState, type Author, type LiveBlogHistoryEvent, type LiveBlogState } from '../domain/index.js';

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
  return foldRecordedEvents(snapshot, [recorded]);
}

/**
 * The same fold over a run of one stream's events, such as a page read from the store: one
 * `foldHistory` builds its state in place, where folding event by event makes a new state, and a
 * copy of each list it changes, at every event (see foldHistory and bench/replay.ts).
 */
export function foldRecordedEvents(snapshot: BlogSnapshot, events: readonly RecordedEvent[]): BlogSnapshot {
  const last = events.at(-1);
  if (!last) return snapshot;
  return {
    state: foldHistory(events.map(toHistoryEvent), snapshot.state),
    position: last.position,
    lastHash: lastHashOf(events) ?? snapshot.lastHash,
  };
}

function lastHashOf(events: readonly RecordedEvent[]): string | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const { hash } = events[index]!.metadata as unknown as LiveBlogMetadata;
    if (typeof hash === 'string') return hash;
  }
  return undefined;
}
