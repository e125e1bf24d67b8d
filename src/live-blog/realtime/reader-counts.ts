import type { LiveFanout, LiveNamespace } from './live-fanout.js';
import { roomOf } from './live-fanout.js';

const INTERVAL_MS = 1000;

/** Tells a blog's readers how many they are: soon after a change, at most once a second per blog. */
export class ReaderCounts {
  private readonly lastSent = new Map<string, { at: number; count: number }>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly server: LiveNamespace,
    private readonly fanout: LiveFanout,
  ) {}

  changed(liveBlogId: string): void {
    if (this.scheduled.has(liveBlogId)) return;
    const last = this.lastSent.get(liveBlogId);
    const wait = last ? Math.max(0, last.at + INTERVAL_MS - Date.now()) : 0;
    const timer = setTimeout(() => this.send(liveBlogId), wait);
    timer.unref();
    this.scheduled.set(liveBlogId, timer);
  }

  stop(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }

  private send(liveBlogId: string): void {
    this.scheduled.delete(liveBlogId);
    const count = this.fanout.audience(liveBlogId);
    const last = this.lastSent.get(liveBlogId);
    if (last?.count === count) return;
    this.lastSent.set(liveBlogId, { at: Date.now(), count });
    if (count === 0) return;
    this.server.to(roomOf(liveBlogId)).emit('readers', { liveBlogId, count });
  }
}
