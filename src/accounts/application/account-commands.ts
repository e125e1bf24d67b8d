import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore, WrongExpectedRevision } from '../../event-store/index.js';
import type { Account } from '../domain/account-book.js';
import { checkedPassword, checkedUsername, decideAccounts, type AccountCommand } from '../domain/account-decide.js';
import { AccountNotFound } from '../domain/account-errors.js';
import type { AccountRole } from '../domain/account-events.js';
import { AccountDirectory } from './account-directory.js';
import { ACCOUNTS_STREAM, accountEnvelope, sessionsStream } from './account-stream.js';
import { hashPassword } from './password-hasher.js';
import type { Author } from '../../kernel/index.js';
import { Metrics, TakingTurns } from '../../shared/index.js';

/**
 * How long an account command keeps deciding again while other nodes append to the accounts stream first
 * (on this node, account commands take turns and do not race), with a random delay growing to
 * 100 ms between tries, so that nodes signing many in at once do not retry in step.
 */
const RETRY_FOR_MS = 10_000;
const MAX_BACKOFF_MS = 100;

/** Who runs `npm run user`: recorded as the actor of what it changes. */
export const COMMAND_LINE_ACTOR: Author = { id: 'npm-run-user', name: 'npm run user', role: 'system' };

interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly password: string;
}

/** An account as an admin sees it: never its hash, never its session ids. */
export interface AccountSummary {
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly status: 'active' | 'disabled';
  readonly addedAt: string;
  readonly openSessions: number;
}

/** The write side of accounts: decide on the folded book, append at its revision, retry on a race. */
@Injectable()
export class AccountCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async add(account: NewAccount, actor: Author): Promise<AccountSummary> {
    checkedUsername(account.username);
    const passwordHash = await hashPassword(checkedPassword(account.password));
    await this.execute({ type: 'AddAccount', ...account, passwordHash }, actor);
    return this.summary(account.username);
  }

  async disable(username: string, actor: Author): Promise<AccountSummary> {
    await this.execute({ type: 'DisableAccount', username }, actor);
    return this.summary(username);
  }

  async enable(username: string, actor: Author): Promise<AccountSummary> {
    await this.execute({ type: 'EnableAccount', username }, actor);
    return this.summary(username);
  }

  async resetPassword(username: string, password: string, actor: Author): Promise<AccountSummary> {
    if (!this.directory.account(username)) await this.directory.catchUp();
    if (!this.directory.account(username)) throw new AccountNotFound(`there is no account "${username}"`, 'username');
    const passwordHash = await hashPassword(checkedPassword(password));
    await this.execute({ type: 'ResetPassword', username, passwordHash }, actor);
    return this.summary(username);
  }

  async list(): Promise<AccountSummary[]> {
    await this.directory.catchUp();
    return [...this.directory.book.accounts.values()]
      .map(toSummary)
      .sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Appends what the command decides; the directory holds it before this resolves (read-your-writes). */
  async execute(command: AccountCommand, actor: Author): Promise<void> {
    if (command.type === 'StartSession' || command.type === 'EndSession') return this.appendSession(command, actor);
    await this.turns.take(ACCOUNTS_STREAM, () => this.decideAndAppend(command, actor));
  }

  /**
   * A session event goes to the account's own sessions stream whatever its revision, so sign-ins and
   * sign-outs never wait for each other nor decide again. What keeps a sign-in from outliving a new
   * password it did not see is the `accounts` revision the event carries (account-book.ts), not the
   * stream's revision.
   */
  private async appendSession(
    command: Extract<AccountCommand, { type: 'StartSession' | 'EndSession' }>,
    actor: Author,
  ): Promise<void> {
    await this.directory.catchUp();
    const events = decideAccounts(command, this.directory.book);
    if (events.length === 0) return;
    const stream = sessionsStream(command.username);
    await this.store.append(stream, accountEnvelope(events, actor), { expectedRevision: 'any' });
    await this.directory.catchUpSessions(command.username);
  }

  /** Every account is in one stream: account commands on this node append one after the other. */
  private readonly turns = new TakingTurns();

  private async decideAndAppend(command: AccountCommand, actor: Author): Promise<void> {
    const retryUntil = Date.now() + RETRY_FOR_MS;
    for (let attempt = 1; ; attempt++) {
      await this.directory.catchUp();
      const { book } = this.directory;
      const events = decideAccounts(command, book);
      if (events.length === 0) return;
      const expectedRevision = book.revision < 0 ? 'no_stream' : book.revision;
      try {
        await this.store.append(ACCOUNTS_STREAM, accountEnvelope(events, actor), { expectedRevision });
        await this.directory.catchUp();
        return;
      } catch (error) {
        // Another node wrote to the stream first: read its events and decide again on them.
        if (!(error instanceof WrongExpectedRevision) || Date.now() >= retryUntil) throw error;
        this.metrics?.accountConflicts.inc();
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt)));
      }
    }
  }

  private summary(username: string): AccountSummary {
    const account = this.directory.account(username);
    if (!account) throw new AccountNotFound(`there is no account "${username}"`, 'username');
    return toSummary(account);
  }
}

function toSummary(account: Account): AccountSummary {
  const { username, displayName, role, status, addedAt } = account;
  return { username, displayName, role, status, addedAt, openSessions: account.sessions.size };
}
