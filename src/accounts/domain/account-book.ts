import type { AccountEvent, AccountRole, SessionData } from './account-events.js';

/** A session lasts at most this long after sign-in, however busy its editor (its token is renewed meanwhile). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly passwordHash: string;
  readonly status: 'active' | 'disabled';
  readonly addedAt: string;
  /** The `accounts` revision of the account's last new password, disabling or creation: sessions checked before it are closed. */
  readonly credentialsRevision: number;
  /** Open sessions by id. Disabling or a new password closes every one checked before it. */
  readonly sessions: ReadonlyMap<string, OpenSession>;
}

export interface OpenSession {
  /** When it was stored. */
  readonly startedAt: string;
  /** The `accounts` revision its password was checked on. */
  readonly accountsRevision: number;
}

/**
 * Every account, folded from the `accounts` stream and the accounts' sessions streams; `revision` is
 * the `accounts` stream's last one folded (-1: none).
 */
export interface AccountBook {
  readonly accounts: ReadonlyMap<string, Account>;
  readonly revision: number;
}

export const emptyAccountBook: AccountBook = { accounts: new Map(), revision: -1 };

/** The one fold of the `accounts` stream's events; `at` is when the event was stored. */
export function evolveAccounts(book: AccountBook, event: AccountEvent, at: string): AccountBook {
  const revision = book.revision + 1;
  if (event.type === 'AccountAdded') {
    const account: Account = {
      ...event.data,
      status: 'active',
      addedAt: at,
      credentialsRevision: revision,
      sessions: new Map(),
    };
    return { accounts: new Map(book.accounts).set(account.username, account), revision };
  }
  const account = book.accounts.get(event.data.username);
  if (!account) return { ...book, revision };
  return {
    accounts: new Map(book.accounts).set(account.username, evolveAccount(account, event, at, revision)),
    revision,
  };
}

/**
 * The fold of an account's sessions stream: the `accounts` revision stays. A session whose password
 * was checked before the account's last new password or disabling does not open, even when that
 * change is folded first; one checked after it stays open when the change is folded later.
 */
export function evolveSessions(book: AccountBook, event: SessionEvent, at: string): AccountBook {
  const account = book.accounts.get(event.data.username);
  if (!account) return book;
  const updated = evolveAccount(account, event, at, event.data.accountsRevision ?? book.revision);
  return { ...book, accounts: new Map(book.accounts).set(account.username, updated) };
}

export type SessionEvent = Extract<AccountEvent, { type: 'SessionStarted' | 'SessionEnded' }>;

/** `revision`: the event's own in `accounts`, or for a session, the `accounts` revision it was checked on. */
function evolveAccount(
  account: Account,
  event: Exclude<AccountEvent, { type: 'AccountAdded' }>,
  at: string,
  revision: number,
): Account {
  switch (event.type) {
    case 'AccountDisabled':
      return {
        ...account,
        status: 'disabled',
        credentialsRevision: revision,
        sessions: checkedSince(account, revision),
      };
    case 'AccountEnabled':
      return { ...account, status: 'active' };
    case 'PasswordReset': {
      const { passwordHash } = event.data;
      return { ...account, passwordHash, credentialsRevision: revision, sessions: checkedSince(account, revision) };
    }
    case 'SessionStarted':
      return revision < account.credentialsRevision ? account : startSession(account, event.data, at, revision);
    case 'SessionEnded': {
      const sessions = new Map(account.sessions);
      sessions.delete(event.data.sessionId);
      return { ...account, sessions };
    }
  }
}

function startSession(account: Account, data: SessionData, at: string, accountsRevision: number): Account {
  const sessions = withoutExpired(account.sessions, at).set(data.sessionId, { startedAt: at, accountsRevision });
  return { ...account, sessions };
}

/** The sessions whose password was checked on `revision` or later, when the credentials changed at `revision`. */
function checkedSince(account: Account, revision: number): Map<string, OpenSession> {
  return new Map([...account.sessions].filter(([, session]) => session.accountsRevision >= revision));
}

/** Sessions past their lifetime are dropped as new ones start, so the book does not grow without end. */
function withoutExpired(sessions: ReadonlyMap<string, OpenSession>, now: string): Map<string, OpenSession> {
  const cutoff = Date.parse(now) - SESSION_LIFETIME_MS;
  return new Map([...sessions].filter(([, session]) => Date.parse(session.startedAt) > cutoff));
}

/** The account, if it is active and the session is open and young enough at `now`. */
export function openSession(book: AccountBook, username: string, sessionId: string, now: number): Account | null {
  const account = book.accounts.get(username);
  if (account?.status !== 'active') return null;
  const session = account.sessions.get(sessionId);
  if (session === undefined || now - Date.parse(session.startedAt) > SESSION_LIFETIME_MS) return null;
  return account;
}
