import { createHash } from 'node:crypto';
import type { EventStore, SnapshotStore, StoredSnapshot } from '../../event-store/index.js';
import {
  initialState,
  UpdateList,
  type LiveBlogState,
  type OpenedBlog,
  type ScheduledUpdate,
} from '../domain/index.js';
import { foldStored, toStoredEvents } from './envelope.js';
import { streamOf } from './stream-names.js';

/**
 * The serialisation's version. Raise it whenever the state's shape or the fold (evolve) changes what
 * a state holds: snapshots of another version are then ignored and their stories folded from zero.
 */
export const SNAPSHOT_FORMAT = 1;

/** A story's state and where its hash chain ends: what both the views and the write side keep. */
export interface HeldLiveBlog {
  readonly state: LiveBlogState;
  /** The position of the stream's last event folded (0 before the first). */
  readonly position: number;
  /** Its chain hash ('' before the first). */
  readonly lastHash: string;
}

export const NO_STORY: HeldLiveBlog = { state: initialState, position: 0, lastHash: '' };

/**
 * What the list and the scheduled publisher need of an opened story. Of the updates waiting for
 * their time, only when: a draft's text stays with the story (a redaction must reach every copy of it).
 */
export type OpenedSummary = Pick<OpenedBlog, 'status' | 'title' | 'summary' | 'lastUpdatedAt' | 'revision'> & {
  readonly scheduled: readonly Pick<ScheduledUpdate, 'updateId' | 'publishAt'>[];
};

/**
 * What a node keeps of every story, whether or not it holds the story's whole state: where its hash
 * chain ends, and what is listed of it (null before it was opened).
 */
export interface LiveBlogSummary {
  readonly revision: number;
  readonly position: number;
  readonly lastHash: string;
  readonly opened: OpenedSummary | null;
}

export function summaryOf({ state, position, lastHash }: HeldLiveBlog): LiveBlogSummary {
  if (state.status === 'none') return { revision: state.revision, position, lastHash, opened: null };
  const { status, title, summary, lastUpdatedAt, revision } = state;
  const scheduled = state.scheduled.map(({ updateId, publishAt }) => ({ updateId, publishAt }));
  return { revision, position, lastHash, opened: { status, title, summary, lastUpdatedAt, revision, scheduled } };
}

/** Every story's summary as text, with its format and a digest of both (written beside the runner's place). */
export function serialiseSummaries(summaries: Iterable<[string, LiveBlogSummary]>): string {
  const stories = JSON.stringify([...summaries]);
  return JSON.stringify({ format: SNAPSHOT_FORMAT, digest: summariesDigest(stories), stories });
}

/** The summaries as written, or null when they are of another format, do not match their digest or do not parse. */
export function parseSummaries(text: string | null): Map<string, LiveBlogSummary> | null {
  if (text === null) return null;
  try {
    const { format, digest, stories } = JSON.parse(text) as { format: unknown; digest: unknown; stories: string };
    if (format !== SNAPSHOT_FORMAT || typeof stories !== 'string' || digest !== summariesDigest(stories)) return null;
    return new Map(JSON.parse(stories) as [string, LiveBlogSummary][]);
  } catch {
    return null;
  }
}

function summariesDigest(stories: string): string {
  return createHash('sha256').update(String(SNAPSHOT_FORMAT)).update(stories).digest('hex');
}

/** How a story was loaded: from a snapshot that held (and how many events after it), or folded from zero. */
export interface LoadedLiveBlog {
  readonly held: HeldLiveBlog;
  readonly snapshot: 'loaded' | 'rejected' | 'absent';
  /** The snapshot's revision when it was loaded; else -1. */
  readonly snapshotRevision: number;
  readonly eventsRead: number;
}

export function toSnapshot(liveBlogId: string, held: HeldLiveBlog & { readonly state: OpenedBlog }): StoredSnapshot {
  const unsigned = {
    stream: streamOf(liveBlogId),
    revision: held.state.revision,
    position: held.position,
    hash: held.lastHash,
    format: SNAPSHOT_FORMAT,
    state: JSON.stringify(held.state),
  };
  return { ...unsigned, digest: digestOf(unsigned) };
}

/**
 * The story from its snapshot and the events stored after it (up to `untilRevision` when given: the
 * views load a story at the revision they have folded). The snapshot counts only when it is of this
 * format, its digest matches its fields, and the stored event at its revision has its position and
 * chain hash (one read of one event); else the story is folded from revision 0. A snapshot past
 * `untilRevision` (another node's views ahead of these) is passed over.
 */
export async function loadLiveBlog(
  store: EventStore,
  snapshots: SnapshotStore,
  liveBlogId: string,
  untilRevision = Number.POSITIVE_INFINITY,
): Promise<LoadedLiveBlog> {
  const stream = streamOf(liveBlogId);
  const stored = await snapshots.read(stream);
  const snapshot = stored && stored.revision <= untilRevision ? stored : null;
  const held = snapshot ? await verified(store, snapshot) : null;
  const from = held ?? NO_STORY;
  const fromRevision = from.state.revision + 1;
  const maxCount = untilRevision - from.state.revision;
  const read = Number.isFinite(maxCount) ? { fromRevision, maxCount } : { fromRevision };
  const tail = maxCount <= 0 ? [] : toStoredEvents(await store.readStream(stream, read));
  const last = tail.at(-1);
  const story = last
    ? { state: foldStored(from.state, tail), position: last.position, lastHash: last.metadata.hash }
    : from;
  const outcome = held ? 'loaded' : snapshot ? 'rejected' : 'absent';
  return { held: story, snapshot: outcome, snapshotRevision: from.state.revision, eventsRead: tail.length };
}

async function verified(store: EventStore, snapshot: StoredSnapshot): Promise<HeldLiveBlog | null> {
  const state = stateOf(snapshot);
  if (!state) return null;
  const [event] = await store.readStream(snapshot.stream, { fromRevision: snapshot.revision, maxCount: 1 });
  if (!event || event.position !== snapshot.position || event.metadata.hash !== snapshot.hash) return null;
  return { state, position: snapshot.position, lastHash: snapshot.hash };
}

/** The state a snapshot holds, or null when it is of another format, does not match its digest or does not parse. */
function stateOf(snapshot: StoredSnapshot): LiveBlogState | null {
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.digest !== digestOf(snapshot)) return null;
  try {
    const parsed = JSON.parse(snapshot.state) as OpenedBlog & { updates: unknown };
    if (parsed.revision !== snapshot.revision || !Array.isArray(parsed.updates)) return null;
    return { ...parsed, updates: UpdateList.of(parsed.updates) };
  } catch {
    return null;
  }
}

function digestOf(snapshot: Omit<StoredSnapshot, 'digest'>): string {
  const { stream, revision, position, hash, format, state } = snapshot;
  return createHash('sha256')
    .update(JSON.stringify([stream, revision, position, hash, format]))
    .update(state)
    .digest('hex');
}
