import { Logger } from '@nestjs/common';
import type { Presence } from '../../cluster/index.js';
import { type LiveFanout, type LiveNamespace, roomOf } from './live-fanout.js';
import type { Clock } from '../../kernel/index.js';

const INTERVAL_MS = 1000;

/**
 * Tells a blog's readers how many they are across every node: soon after a change here, at
 * most once a second per blog. While this node has readers it reports its counts to the
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

  changed(liveBlogId: string): void {
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
    for (const liveBlogId of this.lastSent.keys()) if (!this.local.has(liveBlogId)) this.lastSent.delete(liveBlogId);
    // Keep reporting while anyone here listens: other nodes' readers come and go too.
    if (this.local.size > 0 || this.changes.size > 0) this.schedule(INTERVAL_MS);
  }

  private send(liveBlogId: string, count: number, newcomer: boolean): void {
    if (count === 0 || (!newcomer && this.lastSent.get(liveBlogId) === count)) return;
    this.lastSent.set(liveBlogId, count);
    this.server.to(roomOf(liveBlogId)).emit('readers', { liveBlogId, count });
  }
}
