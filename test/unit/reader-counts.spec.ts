import { jest } from '@jest/globals';
import { localClusterState } from '../../src/cluster/local-cluster-state.js';
import type { LiveFanout, LiveNamespace, LiveSocket } from '../../src/live-blog/realtime/live-fanout.js';
import type { ReadersCount } from '../../src/live-blog/realtime/live-events.js';
import { ReaderCounts } from '../../src/live-blog/realtime/reader-counts.js';

const BLOG = 'crowded-story';

/** A node's /live namespace as ReaderCounts uses it: what it sends to a story's room, and to one socket. */
function namespace() {
  const toRoom: ReadersCount[] = [];
  const server = { to: () => ({ emit: (_event: string, count: ReadersCount) => toRoom.push(count) }) };
  return { toRoom, server: server as unknown as LiveNamespace };
}

function reader(told: ReadersCount[]): LiveSocket {
  return { connected: true, emit: (_event: string, count: ReadersCount) => told.push(count) } as unknown as LiveSocket;
}

describe('reader counts for a crowd', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-12-04T06:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('tells a room of 3,000 its count every 3 s, and each newcomer in between on its own', async () => {
    // Given a story with 3,000 readers on this node
    let audience = 3000;
    const { toRoom, server } = namespace();
    const fanout = { audience: () => audience } as unknown as LiveFanout;
    const counts = new ReaderCounts(server, fanout, localClusterState().presence, { now: () => new Date() });
    counts.changed(BLOG);
    await jest.advanceTimersByTimeAsync(10);
    expect(toRoom).toEqual([{ liveBlogId: BLOG, count: 3000 }]);

    // When ten readers join every second for 2.5 s
    const newcomers: ReadersCount[] = [];
    for (let tenth = 0; tenth < 25; tenth++) {
      audience++;
      counts.changed(BLOG, reader(newcomers));
      await jest.advanceTimersByTimeAsync(100);
    }

    // Then the room was not told again yet, but every newcomer was, once, within a second
    expect(toRoom).toHaveLength(1);
    expect(newcomers).toHaveLength(20);
    expect(newcomers.at(-1)).toEqual({ liveBlogId: BLOG, count: 3020 });

    // And at 3 s the room hears the count that has grown meanwhile
    await jest.advanceTimersByTimeAsync(600);
    expect(toRoom).toEqual([
      { liveBlogId: BLOG, count: 3000 },
      { liveBlogId: BLOG, count: 3025 },
    ]);
    counts.stop();
  });
});
