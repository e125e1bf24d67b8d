import type { RecordedEvent } from '../../src/event-store/event-store.js';
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
    return { eventId: `event-${revision}`, type, data: { ...data }, metadata, stream: 'liveblog-osh-unrest', revision, position: revision + 1, recordedAt: at };
  });
}
