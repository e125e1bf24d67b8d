import type { Checkpoint } from '../../src/event-store/event-store.js';
import { envelope, type StoredEvent } from '../../src/live-blog/application/envelope.js';
import type { LiveBlogEvent } from '../../src/live-blog/domain/index.js';
import { history } from './given.js';

/** Events as the store would return them after the command path wrote them: revisions 0.., a real hash chain. */
export function recorded(...events: LiveBlogEvent[]): StoredEvent[] {
  let prevHash = '';
  return history(...events).map(({ type, data, revision, at, author }) => {
    const eventId = `event-${revision}`;
    const context = { author, correlationId: 'story' };
    const [written] = envelope([{ type, data } as LiveBlogEvent], { prevHash, at }, context, () => eventId);
    prevHash = written!.metadata.hash;
    const position = revision + 1;
    const stream = 'liveblog-osh-unrest';
    return { ...written!, stream, revision, position, checkpoint: checkpointAt(position), recordedAt: at };
  });
}

/** Shaped like the SQLite adapter's checkpoints; nothing here parses it. */
const checkpointAt = (position: number) => String(position).padStart(16, '0') as Checkpoint;
