import type { Logger } from '@nestjs/common';
import type { ClusterState } from '../../cluster/index.js';
import type { WebhookSettings } from '../../config/index.js';
import { WrongExpectedRevision } from '../../event-store/index.js';
import type { Checkpoint, EventStore, RecordedEvent } from '../../event-store/index.js';
import { liveBlogIdOf } from '../../live-blog/index.js';
import type { Clock } from '../../kernel/index.js';
import type { WebhookCommands } from '../application/webhook-commands.js';
import type { WebhookRegistry } from '../application/webhook-registry.js';
import { signingSecrets, type WebhookEndpoint } from '../domain/webhook-events.js';
import { WEBHOOK_TYPE_OF, wants } from '../domain/webhook-types.js';
import { DeliveryLog, type LoggedAttempt } from './delivery-log.js';
import type { DestinationGuard } from './destination-guard.js';
import { sendWebhook } from './webhook-sender.js';
import type { WebhookMessage, WebhookPayloads } from './webhook-payload.js';

/** A node holds an endpoint this long past its last renewal; a dead node's endpoints move on after it. */
const LEASE_SECONDS = 15;
/** Renewed this often, and a node without the lease asks again this often. */
const RENEW_MS = 5000;
/** With nothing to send, the feed is read again after this long (a new story event wakes the worker sooner). */
const IDLE_MS = 2000;
const ERROR_BACKOFF_MS = 2000;
const FEED_PAGE = 200;
const PAGES_PER_TURN = 10;

export interface WorkerContext {
  readonly store: EventStore;
  readonly cluster: ClusterState;
  readonly clock: Clock;
  readonly settings: WebhookSettings;
  readonly guard: DestinationGuard;
  /** This process, as the holder of leases. */
  readonly nodeId: string;
  readonly registry: WebhookRegistry;
  readonly commands: WebhookCommands;
  readonly payloads: WebhookPayloads;
  readonly logger: Logger;
}

/** Where an endpoint stands, read from its delivery log when the lease is taken. */
interface Place {
  readonly log: DeliveryLog;
  logRevision: number;
  /** Durable: everything up to here is delivered or not wanted. */
  deliveredAfter: Checkpoint;
  /** In memory: how far the feed has been read; wanted events not yet delivered wait in `queue`. */
  scannedAfter: Checkpoint;
  readonly queue: RecordedEvent[];
  /** The failed tries of the queue's first message. */
  pending?: { readonly messageId: string; readonly attempt: number; readonly lastAttemptAt: number };
}

/**
 * Sends one endpoint its messages, one at a time in feed order (so each story's in revision order),
 * each until it is delivered or the retry schedule runs out. Runs on the node that holds the
 * endpoint's lease; every other node's worker for it waits. Its own loop and timers: a slow or dead
 * endpoint delays nobody else.
 */
export class EndpointWorker {
  private stopped = false;
  private woken = false;
  private wakeUp?: () => void;
  private readonly aborted = new AbortController();
  private place?: Place;
  private running?: Promise<void>;

  constructor(
    readonly webhookId: string,
    private readonly context: WorkerContext,
  ) {}

  /** True once the worker stopped, by itself (the endpoint failing, disabled or deleted) or when told. */
  get done(): boolean {
    return this.stopped;
  }

  start(): void {
    this.running = this.loop();
  }

  /** Something new may be in the feed. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Ends the loop (an attempt cut short is abandoned, unlogged: the next holder sends it again) and frees the lease. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.aborted.abort();
    this.wake();
    await this.running;
    await this.context.cluster.releaseLease(this.leaseName, this.context.nodeId).catch(() => undefined);
  }

  private get leaseName(): string {
    return `webhook:${this.webhookId}`;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let pause: number;
      try {
        pause = await this.turn();
      } catch (error) {
        if (this.stopped) break;
        this.context.logger.error(
          { err: error, webhookId: this.webhookId },
          'webhook delivery stumbled; reading again',
        );
        this.place = undefined;
        pause = ERROR_BACKOFF_MS;
      }
      if (pause > 0 && !this.stopped && !this.woken) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** One step: an attempt, or how long to wait before the next step. */
  private async turn(): Promise<number> {
    const { registry, cluster, nodeId, settings, clock } = this.context;
    const endpoint = registry.endpoint(this.webhookId);
    if (endpoint?.status !== 'active') {
      this.stopped = true;
      return 0;
    }
    if (!(await cluster.lease(this.leaseName, nodeId, LEASE_SECONDS))) {
      this.place = undefined;
      return RENEW_MS;
    }
    this.place ??= await this.load(endpoint);
    const event = await this.next(endpoint, this.place);
    if (!event) return IDLE_MS;
    const { pending } = this.place;
    if (pending && pending.attempt > settings.retryScheduleMs.length) {
      await this.giveUp(pending.attempt, 'the retry schedule ran out');
      return 0;
    }
    const dueAt = pending ? pending.lastAttemptAt + settings.retryScheduleMs[pending.attempt - 1] : 0;
    const wait = dueAt - clock.now().getTime();
    if (wait > 0) return Math.min(wait, RENEW_MS);
    await this.attempt(endpoint, this.place, event);
    return 0;
  }

  private async load(endpoint: WebhookEndpoint): Promise<Place> {
    const log = new DeliveryLog(this.context.store, this.webhookId);
    const { revision, entry } = await log.last();
    const deliveredAfter = (entry?.deliveredAfter ?? endpoint.startAfter) as Checkpoint;
    const countsNow = entry && !(endpoint.resumedAt && entry.attemptedAt < endpoint.resumedAt);
    const pending =
      entry?.outcome === 'failed' && countsNow
        ? { messageId: entry.messageId, attempt: entry.attempt, lastAttemptAt: Date.parse(entry.attemptedAt) }
        : undefined;
    return { log, logRevision: revision, deliveredAfter, scannedAfter: deliveredAfter, queue: [], pending };
  }

  /** The first wanted event not yet delivered, reading the feed on from where this worker got to. */
  private async next(endpoint: WebhookEndpoint, place: Place): Promise<RecordedEvent | undefined> {
    for (let pages = 0; place.queue.length === 0 && pages < PAGES_PER_TURN; pages++) {
      const page = await this.context.store.readAll({ after: place.scannedAfter, maxCount: FEED_PAGE });
      if (page.length === 0) break;
      for (const event of page) if (wanted(endpoint, event)) place.queue.push(event);
      place.scannedAfter = page[page.length - 1].checkpoint;
      if (page.length < FEED_PAGE) break;
    }
    return place.queue[0];
  }

  private async attempt(endpoint: WebhookEndpoint, place: Place, event: RecordedEvent): Promise<void> {
    const { payloads, clock, cluster, nodeId, guard, settings } = this.context;
    const message = await payloads.build(this.webhookId, event);
    if (!message) {
      place.queue.shift();
      return;
    }
    const attempt = (place.pending?.messageId === message.id ? place.pending.attempt : 0) + 1;
    const now = clock.now();
    // An attempt may outlast the lease: it is renewed meanwhile.
    const renewing = setInterval(
      () => void cluster.lease(this.leaseName, nodeId, LEASE_SECONDS).catch(() => false),
      RENEW_MS,
    );
    const sent = await sendWebhook(endpoint.url, message, signingSecrets(endpoint, now), {
      guard,
      timeoutMs: settings.timeoutMs,
      now,
      signal: this.aborted.signal,
    }).finally(() => clearInterval(renewing));
    const ok = sent.status !== null && sent.status >= 200 && sent.status < 300;
    // Delivered: logged even while the node stops (the store is still open), or the next holder
    // would send it again. Cut short or refused while stopping: left for the next holder.
    if (this.stopped && !ok) return;
    const outcome = ok ? 'delivered' : sent.status === 410 ? 'gone' : 'failed';
    const logged = await this.log(place, message, event, {
      ...sent,
      attempt,
      attemptedAt: now.toISOString(),
      outcome,
      deliveredAfter: ok ? event.checkpoint : place.deliveredAfter,
    });
    if (!logged) return;
    if (outcome === 'delivered') {
      place.deliveredAfter = event.checkpoint;
      place.queue.shift();
      place.pending = undefined;
    } else if (outcome === 'gone') {
      this.stopped = true;
      await this.context.commands.markDisabled(
        this.webhookId,
        `the endpoint answered 410 Gone at ${now.toISOString()}`,
      );
    } else if (attempt > settings.retryScheduleMs.length) {
      await this.giveUp(attempt, `the last answer: ${sent.error ?? 'none'}`);
    } else {
      place.pending = { messageId: message.id, attempt, lastAttemptAt: now.getTime() };
    }
  }

  /** Appends the attempt after the last entry this worker saw; false when another node wrote first (it holds the endpoint now). */
  private async log(
    place: Place,
    message: WebhookMessage,
    event: RecordedEvent,
    attempt: Omit<LoggedAttempt, 'messageId' | 'type' | 'liveBlogId' | 'revision' | 'eventCheckpoint'>,
  ): Promise<boolean> {
    try {
      place.logRevision = await place.log.append(
        {
          messageId: message.id,
          type: message.type,
          liveBlogId: message.liveBlogId,
          revision: message.revision,
          eventCheckpoint: event.checkpoint,
          ...attempt,
        },
        place.logRevision,
      );
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      this.place = undefined;
      return false;
    }
  }

  private async giveUp(attempts: number, why: string): Promise<void> {
    this.stopped = true;
    const event = this.place?.queue[0];
    const story = event ? liveBlogIdOf(event.stream) : null;
    const which = event ? `${WEBHOOK_TYPE_OF[event.type]} of ${story} at revision ${event.revision}` : 'a message';
    await this.context.commands.markFailing(this.webhookId, `${attempts} attempts to deliver ${which} failed; ${why}`);
  }
}

function wanted(endpoint: WebhookEndpoint, event: RecordedEvent): boolean {
  const liveBlogId = liveBlogIdOf(event.stream);
  const type = WEBHOOK_TYPE_OF[event.type];
  return liveBlogId !== null && type !== undefined && wants(endpoint, liveBlogId, type);
}
