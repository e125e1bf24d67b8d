/**
 * Long stories written straight through the store port, for benchmarks and tests that start from one: each
 * command decided by the domain and enveloped with the real hash chain, as the command path writes
 * it, but appended a thousand events at a time rather than one commit each.
 */
import type { EventStore, EventToAppend } from '../../src/event-store/event-store.js';
import type { CommandRequest } from '../../src/live-blog/application/command-handler.js';
import { envelope, type EventMetadata } from '../../src/live-blog/application/envelope.js';
import { streamOf } from '../../src/live-blog/application/stream-names.js';
import {
  decide,
  foldHistory,
  initialState,
  type LiveBlogCommand,
  type LiveBlogState,
} from '../../src/live-blog/domain/index.js';

const AUTHOR = { id: 'bench', name: 'Bench Editor', role: 'editor' as const };
const START = Date.parse('2010-04-08T06:00:00Z');
const BATCH = 1000;
/** How many of the latest timeline entries the writer's state keeps. */
const RECENT = 100;

/** Opens each story and posts `updates` updates on it (update ids `g0`, `g1`…, a second apart). */
export async function growLiveBlogs(store: EventStore, ids: readonly string[], updates: number): Promise<void> {
  for (const id of ids) await writeLiveBlog(store, id, postsOnly(id, updates));
}

/** Writes the commands as one story's events; returns the number of events written. */
export async function writeLiveBlog(
  store: EventStore,
  id: string,
  commands: Iterable<CommandRequest>,
): Promise<number> {
  let state = initialState;
  let prevHash = '';
  let batch: EventToAppend<EventMetadata>[] = [];
  const flush = async () => {
    const before = state.revision - batch.length;
    await store.append(streamOf(id), batch, { expectedRevision: before === -1 ? 'no_stream' : before });
    batch = [];
  };
  for (const request of commands) {
    const at = request.at ?? new Date(START + (state.revision + 1) * 1000).toISOString();
    const events = decide({ ...request, at, now: at } as LiveBlogCommand, state);
    const enveloped = envelope(events, { prevHash, at }, { author: AUTHOR });
    const revision = state.revision;
    state = recentOnly(
      foldHistory(
        events.map((event, offset) => ({ ...event, revision: revision + 1 + offset, at, author: AUTHOR })),
        state,
      ),
    );
    prevHash = enveloped.at(-1)?.metadata.hash ?? prevHash;
    batch.push(...enveloped);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return state.revision + 1;
}

/**
 * The state decide needs here, its timeline trimmed to the recent entries: these stories' entry ids
 * are new by construction, so decide answers as on the whole state, and writing a long story stays
 * linear (the duplicate check scans every timeline entry; updates are found by id).
 */
function recentOnly(state: LiveBlogState): LiveBlogState {
  if (state.status === 'none' || state.timeline.length < 2 * RECENT) return state;
  return { ...state, timeline: state.timeline.slice(-RECENT) };
}

function* postsOnly(id: string, updates: number): Generator<CommandRequest> {
  yield { type: 'OpenLiveBlog', title: `Grown story ${id}` };
  for (let index = 0; index < updates; index++) {
    yield { type: 'PostUpdate', updateId: `g${index}`, kind: 'report', body: `Earlier report ${index}.` };
  }
}
