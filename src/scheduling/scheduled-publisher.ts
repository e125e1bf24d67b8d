import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { CommandHandler, ProjectionRunner, type LiveBlogSummary } from '../live-blog/index.js';
import { type Author, CLOCK, type Clock } from '../kernel/index.js';
import { DueList } from './due-list.js';

/** The author of every scheduled publication; the update's origin names the editor who scheduled it. */
const SCHEDULER: Author = { id: 'scheduler', name: 'Dateline scheduler', role: 'system' };

/** setTimeout holds at most about 24.8 days; a longer wait (or a clock that jumped) is looked at again this often. */
const MAX_WAIT_MS = 60_000;
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/** Events after which a story's waiting list may have changed. */
const SCHEDULE_EVENTS: ReadonlySet<string> = new Set([
  'UpdateScheduled',
  'ScheduledUpdateChanged',
  'ScheduledUpdateCancelled',
  'UpdatePosted',
  'LiveBlogClosed',
]);

/**
 * Publishes each scheduled update at its time (DESIGN §3b). What waits is read from the views: at
 * start-up (so an update whose time passed while the server was down goes out at once), then from
 * every event the store feed brings, this node's or another's. Exactly once, whichever nodes try:
 * the publication is decided on the stream's head and appended at its revision (a second attempt
 * finds nothing waiting, and appends nothing), and its event id is derived from the update's id
 * (a retry after a lost reply finds the first attempt).
 */
@Injectable()
export class ScheduledPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduledPublisher.name);
  private readonly due = new DueList();
  private readonly inFlight = new Set<string>();
  private readonly failures = new Map<string, number>();
  private subscription?: Subscription;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly commands: CommandHandler,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // Subscribed and read in one turn: no event can fall between the two.
    this.subscription = this.projections.folded.subscribe(({ liveBlogId, event }) => {
      if (SCHEDULE_EVENTS.has(event.type)) this.refresh(liveBlogId, this.projections.summaries().get(liveBlogId));
    });
    for (const [liveBlogId, story] of this.projections.summaries()) this.refresh(liveBlogId, story);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    clearTimeout(this.timer);
  }

  /** What the story has waiting now; an attempt under way keeps its own retry time. */
  private refresh(liveBlogId: string, story: LiveBlogSummary | undefined): void {
    const waiting = story?.opened?.status === 'live' ? story.opened.scheduled : [];
    this.due.replaceLiveBlog(
      liveBlogId,
      waiting.map(({ updateId, publishAt }) => {
        const time = Date.parse(publishAt);
        return { liveBlogId, updateId, publishAt: time, dueAt: time };
      }),
    );
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = this.due.earliest();
    if (next === undefined) return;
    const wait = Math.min(Math.max(0, next - this.clock.now().getTime()), MAX_WAIT_MS);
    this.timer = setTimeout(() => this.fire(), wait);
    this.timer.unref?.();
  }

  private fire(): void {
    for (const item of this.due.dueAt(this.clock.now().getTime())) {
      const key = DueList.keyOf(item);
      if (this.inFlight.has(key)) continue;
      this.inFlight.add(key);
      void this.publish(item.liveBlogId, item.updateId).finally(() => this.inFlight.delete(key));
    }
    this.arm();
  }

  private async publish(liveBlogId: string, updateId: string): Promise<void> {
    const key = DueList.keyOf({ liveBlogId, updateId });
    try {
      // A space: no Idempotency-Key a client can send (visible ASCII only) names the same events.
      const context = { author: SCHEDULER, idempotencyKey: `scheduled publication ${updateId}` };
      const result = await this.commands.execute(liveBlogId, { type: 'PublishScheduledUpdate', updateId }, context);
      this.failures.delete(key);
      this.due.remove(liveBlogId, updateId);
      if (result.appended)
        this.logger.log({ liveBlogId, updateId, revision: result.revision }, 'scheduled update published');
    } catch (error) {
      // The store unreachable, a clock behind the one that checks the time: try again, later each time.
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
      this.logger.warn({ err: error, liveBlogId, updateId, retryInMs: wait }, 'scheduled publication failed; retrying');
      this.due.postpone(liveBlogId, updateId, this.clock.now().getTime() + wait);
    }
    this.arm();
  }
}
