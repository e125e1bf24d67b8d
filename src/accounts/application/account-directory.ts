import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { EVENT_STORE, type EventStore, type RecordedEvent, OtherStreamEvents } from '../../event-store/index.js';
import {
  emptyAccountBook,
  evolveAccounts,
  openSession,
  type Account,
  type AccountBook,
} from '../domain/account-book.js';
import { ACCOUNTS_STREAM, toAccountEvent } from './account-stream.js';

const PAGE_SIZE = 500;

/**
 * This node's copy of every account and open session, read from the `accounts` stream and kept
 * current from the store feed, so a session ended on one node is refused on every node as soon as
 * the feed delivers its event. The guard asks it on every request; it never asks the store then.
 */
@Injectable()
export class AccountDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AccountDirectory.name);
  private current: AccountBook = emptyAccountBook;
  private reading: Promise<void> = Promise.resolve();
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly feed?: OtherStreamEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    // Follow first, then read: an event that lands in between shows up as a gap and is read again.
    this.subscription = this.feed?.events.subscribe((event) => this.observe(event));
    await this.catchUp();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  get book(): AccountBook {
    return this.current;
  }

  account(username: string): Account | undefined {
    return this.current.accounts.get(username);
  }

  /** The account behind a session, if the session is still open and the account active. */
  session(username: string, sessionId: string, now = Date.now()): Account | null {
    return openSession(this.current, username, sessionId, now);
  }

  /** Reads whatever the stream holds past what is folded; calls queue, so each event is folded once. */
  catchUp(): Promise<void> {
    this.reading = this.reading.catch(() => undefined).then(() => this.readNewEvents());
    return this.reading;
  }

  /** Runs inside the feed's delivery: a fault is logged here, never thrown into the feed. */
  private observe(event: RecordedEvent): void {
    if (event.stream !== ACCOUNTS_STREAM || event.revision <= this.current.revision) return;
    const inOrder = event.revision === this.current.revision + 1;
    const next = inOrder ? (async () => this.fold([event]))() : this.catchUp();
    next.catch((error: unknown) => this.logger.error({ err: error }, 'could not fold the accounts stream'));
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const fromRevision = this.current.revision + 1;
      const page = await this.store.readStream(ACCOUNTS_STREAM, { fromRevision, maxCount: PAGE_SIZE });
      this.fold(page.filter((event) => event.revision > this.current.revision));
      if (page.length < PAGE_SIZE) return;
    }
  }

  private fold(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.revision !== this.current.revision + 1) return;
      this.current = evolveAccounts(this.current, toAccountEvent(event), event.recordedAt);
    }
  }
}
