import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { EVENT_STORE, type EventStore, type RecordedEvent, OtherStreamEvents } from '../../event-store/index.js';
import {
  emptyAccountBook,
  evolveAccounts,
  evolveSessions,
  openSession,
  type Account,
  type AccountBook,
} from '../domain/account-book.js';
import {
  ACCOUNTS_STREAM,
  sessionsStream,
  toAccountEvent,
  toSessionEvent,
  usernameOfSessionsStream,
} from './account-stream.js';

const PAGE_SIZE = 500;

/**
 * This node's copy of every account and open session, read from the `accounts` stream and each
 * account's sessions stream, and kept current from the store feed, so a session ended on one node
 * is refused on every node as soon as the feed delivers its event. The guard asks it on every
 * request; it never asks the store then.
 */
@Injectable()
export class AccountDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AccountDirectory.name);
  private current: AccountBook = emptyAccountBook;
  /** Per account, the last revision of its sessions stream folded; absent until the stream is first read. */
  private readonly sessionsRead = new Map<string, number>();
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

  /**
   * Reads whatever the `accounts` stream holds past what is folded, and the sessions of accounts
   * never read before (all of them at start); calls queue, so each event is folded once.
   */
  catchUp(): Promise<void> {
    return this.queue(() => this.readNewEvents());
  }

  /** Also reads the account's sessions stream past what is folded (after a sign-in or sign-out here). */
  catchUpSessions(username: string): Promise<void> {
    return this.queue(async () => {
      await this.readNewEvents();
      await this.readSessions(username);
    });
  }

  private queue(read: () => Promise<void>): Promise<void> {
    this.reading = this.reading.catch(() => undefined).then(read);
    return this.reading;
  }

  /** Runs inside the feed's delivery: a fault is logged here, never thrown into the feed. */
  private observe(event: RecordedEvent): void {
    const sessionsOf = usernameOfSessionsStream(event.stream);
    if (sessionsOf !== null) return this.observeSessions(sessionsOf, event);
    if (event.stream !== ACCOUNTS_STREAM || event.revision <= this.current.revision) return;
    const inOrder = event.revision === this.current.revision + 1;
    const next = inOrder ? (async () => this.fold([event]))() : this.catchUp();
    next.catch((error: unknown) => this.logger.error({ err: error }, 'could not fold the accounts stream'));
  }

  private observeSessions(username: string, event: RecordedEvent): void {
    const read = this.sessionsRead.get(username);
    if (read !== undefined && event.revision <= read) return;
    const inOrder = read === event.revision - 1 && this.current.accounts.has(username);
    const next = inOrder ? (async () => this.foldSessions(username, [event]))() : this.catchUpSessions(username);
    next.catch((error: unknown) => this.logger.error({ err: error }, `could not fold the sessions of "${username}"`));
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const fromRevision = this.current.revision + 1;
      const page = await this.store.readStream(ACCOUNTS_STREAM, { fromRevision, maxCount: PAGE_SIZE });
      this.fold(page.filter((event) => event.revision > this.current.revision));
      if (page.length < PAGE_SIZE) break;
    }
    for (const username of this.current.accounts.keys()) {
      if (!this.sessionsRead.has(username)) await this.readSessions(username);
    }
  }

  private async readSessions(username: string): Promise<void> {
    for (;;) {
      const fromRevision = (this.sessionsRead.get(username) ?? -1) + 1;
      const page = await this.store.readStream(sessionsStream(username), { fromRevision, maxCount: PAGE_SIZE });
      this.foldSessions(username, page);
      if (page.length < PAGE_SIZE) return;
    }
  }

  private fold(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.revision !== this.current.revision + 1) return;
      this.current = evolveAccounts(this.current, toAccountEvent(event), event.recordedAt);
    }
  }

  /** Marks the stream read even when empty; stops at a gap, or while the account itself is not folded yet. */
  private foldSessions(username: string, events: readonly RecordedEvent[]): void {
    if (!this.current.accounts.has(username)) return;
    let read = this.sessionsRead.get(username) ?? -1;
    for (const event of events) {
      if (event.revision !== read + 1) break;
      this.current = evolveSessions(this.current, toSessionEvent(event), event.recordedAt);
      read = event.revision;
    }
    this.sessionsRead.set(username, read);
  }
}
