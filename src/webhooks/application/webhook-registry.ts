import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Subject, type Subscription } from 'rxjs';
import { EVENT_STORE, type EventStore, OtherStreamEvents, type RecordedEvent } from '../../event-store/index.js';
import { emptyWebhookBook, evolveWebhooks, type WebhookBook, type WebhookEndpoint } from '../domain/webhook-events.js';
import { toWebhookEvent, WEBHOOKS_STREAM } from './webhook-stream.js';

const PAGE_SIZE = 500;

/**
 * This node's copy of every registered endpoint, read from the `webhooks` stream and kept current
 * from the store feed (and by `catchUp`, read again every few seconds as a net under the feed).
 */
@Injectable()
export class WebhookRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookRegistry.name);
  private current: WebhookBook = emptyWebhookBook;
  private reading: Promise<void> = Promise.resolve();
  private subscription?: Subscription;
  private readonly changes$ = new Subject<void>();

  /** Emits after every fold that moved the book. */
  readonly changes = this.changes$.asObservable();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly feed: OtherStreamEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    // Follow first, then read: an event that lands in between is read by the catch-up it starts.
    this.subscription = this.feed.events.subscribe((event) => this.observe(event));
    await this.catchUp();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.changes$.complete();
  }

  get book(): WebhookBook {
    return this.current;
  }

  endpoint(webhookId: string): WebhookEndpoint | undefined {
    return this.current.endpoints.get(webhookId);
  }

  /** Reads whatever the stream holds past what is folded; calls queue, so each event is folded once. */
  catchUp(): Promise<void> {
    this.reading = this.reading.catch(() => undefined).then(() => this.readNewEvents());
    return this.reading;
  }

  private observe(event: RecordedEvent): void {
    if (event.stream !== WEBHOOKS_STREAM || event.revision <= this.current.revision) return;
    this.catchUp().catch((error: unknown) => this.logger.error({ err: error }, 'could not fold the webhooks stream'));
  }

  private async readNewEvents(): Promise<void> {
    const before = this.current.revision;
    for (;;) {
      const fromRevision = this.current.revision + 1;
      const page = await this.store.readStream(WEBHOOKS_STREAM, { fromRevision, maxCount: PAGE_SIZE });
      for (const event of page) {
        if (event.revision !== this.current.revision + 1) break;
        this.current = evolveWebhooks(this.current, toWebhookEvent(event), event);
      }
      if (page.length < PAGE_SIZE) break;
    }
    if (this.current.revision !== before) this.changes$.next();
  }
}
