import { Logger } from '@nestjs/common';
import type { Presence } from '../../cluster/index.js';
import { type LiveFanout, type LiveNamespace, type LiveSocket, roomOf } from './live-fanout.js';
import type { Clock } from '../../kernel/index.js';

const INTERVAL_MS = 1000;
/** Count packets a story's room may be sent a second on this node: a room of 5,000 hears every 5 s. */
const ROOM_PACKETS_PER_SECOND = 1000;

/**
 * Tells a blog's readers how many they are across every node: a newcomer soon after it
 * subscribed, the room whenever the count changed, at most once a second per blog, and in a
 * room of more than a thousand readers here at most once every (readers / 1,000) seconds, so
 * that a crowd arriving at once (a push notification's click-through) is not sent the count
 * of every second by every one of its readers. While this node has readers it reports its counts to the
 * cluster's presence once a second (which also keeps it counted as alive) and learns the
 * totals, so a change on another node reaches these readers within about a second.
 */
export class ReaderCounts {
  private readonly logger = new Logger(ReaderCounts.name);
  /** This node's readers per blog, as last reported (blogs with none are absent). */
  private readonly local = new Map<string, number>();
  private readonly lastSent = new Map<string, number>();
  /** Blogs whose local audience changed since the last report; a rise means a newcomer to tell. */
  private readonly changes = new Map<string, 'rose' | 'changed'>();
  /** Readers who joined since their blog's room was last told, to be told on their own. */
  private readonly newcomers = new Map<string, Set<LiveSocket>>();
  /** When each blog's room may next be told (ms since the epoch). */
  private readonly roomDueAt = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private lastReportAt = 0;
  private reporting = false;
  private stopped = false;

  constructor(
    private readonly server: LiveNamespace,
    private readonly fanout: LiveFanout,
    private readonly presence: Presence,
    private readonly clock: Clock,
  ) {}

  changed(liveBlogId: string, joined?: LiveSocket): void {
    if (joined) this.newcomers.set(liveBlogId, (this.newcomers.get(liveBlogId) ?? new Set()).add(joined));
    const count = this.fanout.audience(liveBlogId);
    const rose = count > (this.local.get(liveBlogId) ?? 0) || this.changes.get(liveBlogId) === 'rose';
    this.changes.set(liveBlogId, rose ? 'rose' : 'changed');
    if (count > 0) this.local.set(liveBlogId, count);
    else this.local.delete(liveBlogId);
    this.schedule(Math.max(0, this.lastReportAt + INTERVAL_MS - this.clock.now().getTime()));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(waitMs: number): void {
    if (this.timer || this.reporting || this.stopped) return;
    this.timer = setTimeout(() => void this.report(), waitMs);
    this.timer.unref();
  }

  private async report(): Promise<void> {
    this.timer = undefined;
    this.reporting = true;
    this.lastReportAt = this.clock.now().getTime();
    const changes = new Map(this.changes);
    this.changes.clear();
    try {
      const totals = await this.presence.report(this.local);
      for (const [liveBlogId, count] of totals) this.send(liveBlogId, count, changes.get(liveBlogId) === 'rose');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not share reader counts; retrying');
      for (const [liveBlogId, change] of changes)
        if (!this.changes.has(liveBlogId)) this.changes.set(liveBlogId, change);
    } finally {
      this.reporting = false;
    }
    for (const liveBlogId of this.lastSent.keys())
      if (!this.local.has(liveBlogId)) for (const kept of [this.lastSent, this.roomDueAt]) kept.delete(liveBlogId);
    for (const liveBlogId of this.newcomers.keys()) if (!this.local.has(liveBlogId)) this.newcomers.delete(liveBlogId);
    // Keep reporting while anyone here listens: other nodes' readers come and go too.
    if (this.local.size > 0 || this.changes.size > 0) this.schedule(INTERVAL_MS);
  }

  private send(liveBlogId: string, count: number, newcomer: boolean): void {
    const newcomers = this.newcomers.get(liveBlogId);
    this.newcomers.delete(liveBlogId);
    if (count === 0 || (!newcomer && this.lastSent.get(liveBlogId) === count)) return;
    const now = this.clock.now().getTime();
    if (now >= (this.roomDueAt.get(liveBlogId) ?? 0)) {
      const here = this.local.get(liveBlogId) ?? 0;
      const pause = Math.max(INTERVAL_MS, (here * 1000) / ROOM_PACKETS_PER_SECOND);
      // A tenth early: the reports come once a second, a timer's jitter must not skip one.
      this.roomDueAt.set(liveBlogId, now + pause - INTERVAL_MS / 10);
      this.lastSent.set(liveBlogId, count);
      this.server.to(roomOf(liveBlogId)).emit('readers', { liveBlogId, count });
      return;
    }
    // The room hears the change when it is due again (the count differs from what it was sent).
    for (const socket of newcomers ?? []) if (socket.connected) socket.emit('readers', { liveBlogId, count });
  }
}
