import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import type { Author } from '../../kernel/index.js';
import { CLOCK, type Clock } from '../../kernel/index.js';
import type { WebhookEndpoint, WebhookEvent, WebhookStatus } from '../domain/webhook-events.js';
import { checkedEventPatterns, checkedLiveBlogIds, WebhookNotFound } from '../domain/webhook-types.js';
import { DeliveryLog, type DeliveryAttempt } from '../delivery/delivery-log.js';
import { DestinationGuard } from '../delivery/destination-guard.js';
import { WebhookRegistry } from './webhook-registry.js';
import { DELIVERY_ACTOR, WEBHOOKS_STREAM, webhookEnvelope } from './webhook-stream.js';

/** A rotated-out secret keeps signing (beside the new one) this long, so receivers can switch without a gap. */
const ROTATION_OVERLAP_MS = 24 * 3_600_000;

interface NewWebhook {
  readonly url: string;
  readonly events: readonly string[];
  readonly liveBlogIds?: readonly string[];
}

/** An endpoint as an admin sees it: never its secrets. */
export interface WebhookSummary {
  readonly id: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly liveBlogIds: readonly string[] | null;
  readonly status: WebhookStatus;
  /** Why it is failing or disabled. */
  readonly statusReason?: string;
  readonly registeredAt: string;
}

@Injectable()
export class WebhookCommands {
  private readonly guard: DestinationGuard;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: WebhookRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.guard = new DestinationGuard(config.webhooks.allowHosts);
  }

  /** Checks everything (the URL's host among it) before writing; answers the one time the secret is shown. */
  async register(input: NewWebhook, admin: Author): Promise<WebhookSummary & { secret: string }> {
    const url = this.guard.parseUrl(input.url);
    const events = checkedEventPatterns(input.events);
    const liveBlogIds = checkedLiveBlogIds(input.liveBlogIds);
    await this.guard.checkRegistration(url);
    const webhookId = randomUUID();
    const secret = newSecret();
    await this.write(
      { type: 'WebhookRegistered', data: { webhookId, url: url.href, events, liveBlogIds, secret } },
      admin,
    );
    return { ...this.summary(webhookId), secret };
  }

  async list(): Promise<WebhookSummary[]> {
    await this.registry.catchUp();
    return [...this.registry.book.endpoints.values()]
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
      .map(toSummary);
  }

  async get(webhookId: string): Promise<WebhookSummary> {
    await this.registry.catchUp();
    return this.summary(webhookId);
  }

  /** The latest attempts, newest first. */
  async deliveries(webhookId: string, limit: number): Promise<DeliveryAttempt[]> {
    await this.get(webhookId);
    return new DeliveryLog(this.store, webhookId).recent(limit);
  }

  async delete(webhookId: string, admin: Author): Promise<void> {
    await this.get(webhookId);
    await this.write({ type: 'WebhookDeleted', data: { webhookId } }, admin);
  }

  /** A new secret signs from now on; the old one signs beside it for a day. */
  async rotateSecret(
    webhookId: string,
    admin: Author,
  ): Promise<{ id: string; secret: string; previousValidUntil: string }> {
    await this.get(webhookId);
    const secret = newSecret();
    const previousValidUntil = new Date(this.clock.now().getTime() + ROTATION_OVERLAP_MS).toISOString();
    await this.write({ type: 'WebhookSecretRotated', data: { webhookId, secret, previousValidUntil } }, admin);
    return { id: webhookId, secret, previousValidUntil };
  }

  /** A failing or disabled endpoint is sent to again, from the first event it has not received. */
  async resume(webhookId: string, admin: Author): Promise<WebhookSummary> {
    const endpoint = await this.get(webhookId);
    if (endpoint.status !== 'active') await this.write({ type: 'WebhookResumed', data: { webhookId } }, admin);
    return this.summary(webhookId);
  }

  /** Delivery ran out of retries: an admin sees why in the endpoint's status. */
  async markFailing(webhookId: string, reason: string): Promise<void> {
    await this.write({ type: 'WebhookFailing', data: { webhookId, reason } }, DELIVERY_ACTOR);
  }

  /** The endpoint answered 410 Gone: nothing more is sent until an admin resumes it. */
  async markDisabled(webhookId: string, reason: string): Promise<void> {
    await this.write({ type: 'WebhookDisabled', data: { webhookId, reason } }, DELIVERY_ACTOR);
  }

  /** Appended at any revision (ids are fresh UUIDs, nothing to claim); the registry holds it before this resolves. */
  private async write(event: WebhookEvent, actor: Author): Promise<void> {
    await this.store.append(WEBHOOKS_STREAM, [webhookEnvelope(event, actor)], { expectedRevision: 'any' });
    await this.registry.catchUp();
  }

  private summary(webhookId: string): WebhookSummary {
    const endpoint = this.registry.endpoint(webhookId);
    if (!endpoint) throw new WebhookNotFound(`there is no webhook "${webhookId}"`, 'id');
    return toSummary(endpoint);
  }
}

/** Standard Webhooks: `whsec_` and the base64 of 24 to 64 random bytes. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function toSummary(endpoint: WebhookEndpoint): WebhookSummary {
  const { id, url, events, liveBlogIds, status, statusReason, registeredAt } = endpoint;
  return { id, url, events, liveBlogIds, status, ...(statusReason ? { statusReason } : {}), registeredAt };
}
