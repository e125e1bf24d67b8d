import type { StoredEvent } from '../application/envelope.js';
import { foldHistory, initialState, type LiveBlogHistoryEvent, type LiveBlogState } from '../domain/index.js';

/** A blog's folded state plus what a writer needs to extend its stream: the last position and hash. */
export interface BlogSnapshot {
  readonly state: LiveBlogState;
  readonly position: number;
  readonly lastHash: string;
}

export const emptySnapshot: BlogSnapshot = { state: initialState, position: 0, lastHash: '' };

/** The stored type and data are the domain's own: evolve ignores a type it does not know (a newer version's). */
export function toHistoryEvent(stored: StoredEvent): LiveBlogHistoryEvent {
  const { at, author } = stored.metadata;
  return { type: stored.type, data: stored.data, revision: stored.revision, at, author } as LiveBlogHistoryEvent;
}

/** The one fold: the live view, a rebuild and the command path all extend a snapshot with this. */
export function foldRecorded(snapshot: BlogSnapshot, recorded: StoredEvent): BlogSnapshot {
  return foldRecordedEvents(snapshot, [recorded]);
}

/**
 * The same fold over a run of one stream's events, such as a page read from the store: one
 * `foldHistory` builds its state in place, where folding event by event makes a new state, and a
 * copy of each list it changes, at every event (see foldHistory and bench/replay.ts).
 */
export function foldRecordedEvents(snapshot: BlogSnapshot, events: readonly StoredEvent[]): BlogSnapshot {
  const last = events.at(-1);
  if (!last) return snapshot;
  return {
    state: foldHistory(events.map(toHistoryEvent), snapshot.state),
    position: last.position,
    lastHash: last.metadata.hash,
  };
}
