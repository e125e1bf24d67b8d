import { Inject, Injectable } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../../cluster/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { RateLimited } from '../../kernel/index.js';
import { LiveBlogConflict, LiveBlogNotFound, ProjectionRunner } from '../../live-blog/index.js';
import { DestinationGuard } from '../../webhooks/index.js';
import type { PushEvent } from '../domain/push-events.js';
import {
  checkedEndpoint,
  checkedSubscription,
  InvalidPushSubscription,
  PushSubscriptionNotFound,
  subscriptionIdOf,
} from '../domain/push-subscription.js';
import { PushRegistry } from './push-registry.js';
import { PUSH_STREAM, pushEnvelope } from './push-stream.js';

/** New subscriptions one client address may make per 10 minutes: a browser makes one per story. */
const SUBSCRIPTIONS_PER_ADDRESS = 30;

/** Readers follow a story (DESIGN §4f): subscriptions are events of the private `push-subscriptions` stream. */
@Injectable()
export class PushSubscriptions {
  readonly guard: DestinationGuard;
  private readonly budget: RateLimit;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
    private readonly registry: PushRegistry,
    private readonly projections: ProjectionRunner,
  ) {
    this.guard = new DestinationGuard(config.push.allowHosts, { setting: 'PUSH_ALLOW_HOSTS', field: 'endpoint' });
    this.budget = cluster.rateLimit('push-subscriptions-address', {
      points: SUBSCRIPTIONS_PER_ADDRESS,
      durationSeconds: 600,
    });
  }

  /** A live story's new follower; the same endpoint again changes nothing. */
  async subscribe(liveBlogId: string, input: Parameters<typeof checkedSubscription>[0], address: string) {
    const { endpoint, keys } = checkedSubscription(input);
    this.checkScheme(endpoint);
    await this.guard.checkRegistration(endpoint);
    const story = await this.projections.latest(liveBlogId);
    if (story.status === 'none') throw new LiveBlogNotFound(`there is no live blog "${liveBlogId}"`);
    if (story.status === 'closed') throw new LiveBlogConflict(`the live blog "${liveBlogId}" is closed`);
    const subscriptionId = subscriptionIdOf(liveBlogId, endpoint.href);
    const book = await this.registry.catchUp();
    if (!book.subscriptions.has(subscriptionId)) {
      const wait = await this.budget.take(address);
      if (wait > 0) throw new RateLimited(`too many subscriptions from your address; retry in ${wait} s`, wait);
      await this.write({
        type: 'PushSubscribed',
        data: { subscriptionId, liveBlogId, endpoint: endpoint.href, keys },
      });
    }
    return { liveBlogId, subscriptionId };
  }

  /** The reader stops following: named by the endpoint, which only their browser knows. */
  async unsubscribe(liveBlogId: string, endpointValue: unknown): Promise<void> {
    const endpoint = checkedEndpoint(endpointValue);
    const subscriptionId = subscriptionIdOf(liveBlogId, endpoint.href);
    const book = await this.registry.catchUp();
    if (!book.subscriptions.has(subscriptionId)) {
      throw new PushSubscriptionNotFound('this endpoint does not follow this story', 'endpoint');
    }
    await this.write({ type: 'PushUnsubscribed', data: { subscriptionId, reason: 'reader' } });
  }

  /** The push service answered 404 or 410: the browser gave the subscription up. */
  async drop(subscriptionId: string): Promise<void> {
    await this.write({ type: 'PushUnsubscribed', data: { subscriptionId, reason: 'gone' } });
  }

  /** The story closed: nothing more is sent for it. */
  async endLiveBlog(liveBlogId: string): Promise<void> {
    await this.write({ type: 'PushStoryEnded', data: { liveBlogId } });
  }

  /** Push services speak https; plain http only to a host PUSH_ALLOW_HOSTS names (a local push service). */
  private checkScheme(endpoint: URL): void {
    const host = endpoint.hostname.replace(/^\[(.*)\]$/, '$1');
    if (endpoint.protocol === 'http:' && !this.guard.allowsHost(host)) {
      throw new InvalidPushSubscription('endpoint must be an https:// URL', 'endpoint');
    }
  }

  private async write(event: PushEvent): Promise<void> {
    await this.store.append(PUSH_STREAM, [pushEnvelope(event)], { expectedRevision: 'any' });
    await this.registry.catchUp();
  }
}
