import type { Checkpoint, RecordedEvent } from '../../src/event-store/event-store.js';
import { chainHash, contentHashOf } from '../../src/live-blog/application/hash-chain.js';
import type { LiveBlogEvent } from '../../src/live-blog/domain/index.js';
import { history } from './given.js';

/** Events as the store would return them after the command path wrote them: revisions 0.., a real hash chain. */
export function recorded(...events: LiveBlogEvent[]): RecordedEvent[] {
  let prevHash = '';
  return history(...events).map(({ type, data, revision, at, author }) => {
    const contentHash = contentHashOf({ type, data, at, author });
    const hash = chainHash(prevHash, contentHash);
    const metadata = { at, author, schemaVersion: 1, contentHash, prevHash, hash };
    prevHash = hash;
    const position = revision + 1;
    const stream = 'liveblog-osh-unrest';
    const place = { stream, revision, position, checkpoint: checkpointAt(position), recordedAt: at };
    return { eventId: `event-${revision}`, type, data: { ...data }, metadata, ...place };
  });
}

/** Shaped like the SQLite adapter's checkpoints; nothing here parses it. */
const checkpointAt = (position: number) => String(position).padStart(16, '0') as Checkpoint;
