import type { PublicEvent, ReadersCount, SubscribeAck } from '../../src/live-blog/realtime/live-events.js';
import { connectLive, subscribe, type LiveClientSocket } from '../../packages/client/src/follower.js';

/** A real socket.io-client that records everything the server sends it. */
export interface Reader {
  readonly socket: LiveClientSocket;
  readonly events: PublicEvent[];
  readonly readers: ReadersCount[];
  readonly goodbyes: unknown[];
  subscribe(liveBlogId: string, resume?: { afterRevision?: number; epoch?: string }): Promise<SubscribeAck>;
  /** Resolves once an event with this revision (or a later one) has arrived. */
  waitForRevision(revision: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function connectReader(baseUrl: string, options: Parameters<typeof connectLive>[1] = {}): Promise<Reader> {
  const socket = connectLive(baseUrl, { reconnection: false, forceNew: true, ...options });
  const events: PublicEvent[] = [];
  const readers: ReadersCount[] = [];
  const goodbyes: unknown[] = [];
  socket.on('event', (event) => events.push(event));
  socket.on('readers', (count) => readers.push(count));
  socket.on('goodbye', (goodbye) => goodbyes.push(goodbye));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    readers,
    goodbyes,
    subscribe: (liveBlogId, resume = {}) => subscribe(socket, { liveBlogId, ...resume }),
    waitForRevision: (revision, timeoutMs = 15_000) =>
      waitFor(() => events.some((event) => event.revision >= revision), timeoutMs, `revision ${revision}`),
    close: () => void socket.disconnect(),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Revisions of the events received, to compare sequences and spot gaps or repeats. */
export const revisionsOf = (events: readonly PublicEvent[]) => events.map((event) => event.revision);

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
