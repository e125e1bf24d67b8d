import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import type { RecordedEvent } from '../../event-store/index.js';
import { headlineOf, liveBlogIdOf, ProjectionRunner } from '../../live-blog/index.js';
import { subscribersOf, type PushSubscriptionRecord } from '../domain/push-events.js';
import { PushRegistry } from '../application/push-registry.js';
import { PushSubscriptions } from '../application/push-subscriptions.js';
import { resolveVapidKeys, type VapidKeys } from '../application/vapid-keys.js';
import { type NotificationPayload, type PushOutcome, sendNotification } from './push-sender.js';

/** A push service that fails (no answer, 5xx, 429) is tried again after these waits, then given up for this event. */
const RETRY_WAITS_MS = [1000, 4000];
/** Subscriptions sent to at once. */
const PARALLEL = 8;

interface HandledEvent {
  readonly liveBlogId: string;
  readonly updateId?: string;
  readonly sent: number;
  readonly dropped: number;
  readonly failed: number;
}

/**
 * What a story event means for its followers: a key event marked or a breaking update posted is
 * one notification to each subscription made before it; the story closing ends its subscriptions;
 * nothing else is sent. Built from the story as it stands when sent: an update retracted or a story
 * closed meanwhile sends nothing.
 */
@Injectable()
export class PushNotifications {
  private readonly logger = new Logger('PushNotifications');
  readonly vapid: VapidKeys;
  private readonly subject: string;
  private readonly publicUrl?: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registry: PushRegistry,
    private readonly subscriptions: PushSubscriptions,
    private readonly projections: ProjectionRunner,
  ) {
    this.vapid = resolveVapidKeys(config);
    this.subject = config.push.subject;
    this.publicUrl = config.operations.publicUrl;
  }

  concerns(event: Pick<RecordedEvent, 'type' | 'data'>): boolean {
    return (
      event.type === 'KeyEventMarked' ||
      event.type === 'LiveBlogClosed' ||
      (event.type === 'UpdatePosted' && event.data.kind === 'breaking')
    );
  }

  /** The feed checkpoint of the first subscription ever made; undefined while there is none. */
  async firstSubscription(): Promise<string | undefined> {
    return (await this.registry.catchUp()).firstCheckpoint;
  }

  async handle(event: RecordedEvent, signal: AbortSignal): Promise<HandledEvent> {
    const liveBlogId = liveBlogIdOf(event.stream)!;
    const book = await this.registry.catchUp();
    const followers = subscribersOf(book, liveBlogId, event.checkpoint);
    if (event.type === 'LiveBlogClosed') {
      if (followers.length > 0) await this.subscriptions.endLiveBlog(liveBlogId);
      return { liveBlogId, sent: 0, dropped: followers.length, failed: 0 };
    }
    const updateId = String(event.data.updateId);
    const payload = await this.payloadOf(liveBlogId, updateId);
    if (!payload || followers.length === 0) return { liveBlogId, updateId, sent: 0, dropped: 0, failed: 0 };
    const outcomes = await inBatches(followers, PARALLEL, (follower) => this.deliver(follower, payload, signal));
    const gone = outcomes.filter(({ outcome }) => outcome.status === 404 || outcome.status === 410);
    for (const { follower } of gone) await this.subscriptions.drop(follower.subscriptionId);
    const sent = outcomes.filter(({ outcome }) => outcome.error === undefined).length;
    return { liveBlogId, updateId, sent, dropped: gone.length, failed: outcomes.length - sent - gone.length };
  }

  /** Null when there is nothing to say: the story closed, or the update is gone (retracted, unknown). */
  private async payloadOf(liveBlogId: string, updateId: string): Promise<NotificationPayload | null> {
    const story = await this.projections.latest(liveBlogId);
    if (story.status !== 'live') return null;
    const update = story.updates.byId(updateId);
    if (!update || update.retraction) return null;
    const id = encodeURIComponent(updateId);
    const path = `/live/${liveBlogId}/updates/${id}#update-${id}`;
    return {
      liveBlogId,
      updateId,
      headline: headlineOf(update),
      url: this.publicUrl ? `${this.publicUrl}${path}` : path,
    };
  }

  private async deliver(follower: PushSubscriptionRecord, payload: NotificationPayload, signal: AbortSignal) {
    const options = { vapid: this.vapid, subject: this.subject, guard: this.subscriptions.guard, signal };
    let outcome: PushOutcome = await sendNotification(follower, payload, options);
    for (const wait of RETRY_WAITS_MS) {
      if (!retryable(outcome) || signal.aborted) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
      outcome = await sendNotification(follower, payload, options);
    }
    if (outcome.error !== undefined && outcome.status !== 404 && outcome.status !== 410) {
      this.logger.warn({ subscriptionId: follower.subscriptionId, error: outcome.error }, 'a push notification failed');
    }
    return { follower, outcome };
  }
}

function retryable(outcome: PushOutcome): boolean {
  return outcome.status === null
    ? !/not reachable/.test(outcome.error ?? '')
    : outcome.status === 429 || outcome.status >= 500;
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
