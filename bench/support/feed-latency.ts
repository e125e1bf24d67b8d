/**
 * Commit on node A to receipt on node B: a reader on each node follows one story while an editor
 * posts on A, one post at a time. Every time is read from this process's clock, so they compare.
 */
import { performance } from 'node:perf_hooks';
import { connectLive, subscribe, type LiveClientSocket } from '../../packages/client/src/follower.js';

export interface FeedLatency {
  readonly posts: number;
  /** Pushes that did not reach one of the two readers within the wait. */
  readonly missing: number;
  /** Milliseconds from sending each post: to its 201, to the push on A, to the push on B. */
  readonly acknowledged: number[];
  readonly onA: number[];
  readonly onB: number[];
  /** The push on B minus the push on A, per post: what the second node adds. */
  readonly bAfterA: number[];
}

const STORY = 'bench-feed-latency';
const WAIT_MS = 5000;
const PAUSE_MS = 50;
const now = () => performance.now();

export async function feedLatency(
  urlA: string,
  urlB: string,
  headers: Record<string, string>,
  posts: number,
): Promise<FeedLatency> {
  const created = await fetch(`${urlA}/api/live-blogs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id: STORY, title: 'Feed latency' }),
  });
  if (created.status !== 201) throw new Error(`creating the story answered ${created.status}`);
  const receipts = new Map<string, { a?: number; b?: number }>();
  const readers = await Promise.all([reader(urlA, receipts, 'a'), reader(urlB, receipts, 'b')]);
  const result: FeedLatency = { posts, missing: 0, acknowledged: [], onA: [], onB: [], bAfterA: [] };
  try {
    for (let index = 0; index < posts; index++) {
      const updateId = `latency-${index}`;
      const sent = now();
      const response = await fetch(`${urlA}/api/live-blogs/${STORY}/updates`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'breaking', body: `Latency probe ${index}`, updateId }),
      });
      if (response.status !== 201) throw new Error(`post ${index} answered ${response.status}`);
      result.acknowledged.push(now() - sent);
      const { a, b } = await bothReceived(receipts, updateId);
      if (a === undefined || b === undefined) (result as { missing: number }).missing++;
      else {
        result.onA.push(a - sent);
        result.onB.push(b - sent);
        result.bAfterA.push(b - a);
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  } finally {
    readers.forEach((socket) => socket.disconnect());
  }
  return result;
}

async function reader(
  url: string,
  receipts: Map<string, { a?: number; b?: number }>,
  node: 'a' | 'b',
): Promise<LiveClientSocket> {
  const socket = connectLive(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('event', (event) => {
    const at = now();
    const updateId = (event.data as { updateId?: unknown }).updateId;
    if (event.type !== 'UpdatePosted' || typeof updateId !== 'string') return;
    const entry = receipts.get(updateId) ?? {};
    entry[node] ??= at;
    receipts.set(updateId, entry);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await subscribe(socket, { liveBlogId: STORY });
  if (!ack.ok) throw new Error(`subscribe on ${url} refused: ${ack.error.message}`);
  return socket;
}

async function bothReceived(receipts: Map<string, { a?: number; b?: number }>, updateId: string) {
  const deadline = now() + WAIT_MS;
  for (;;) {
    const entry = receipts.get(updateId) ?? {};
    if ((entry.a !== undefined && entry.b !== undefined) || now() > deadline) return entry;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
