import type { AccountEvent, AccountRole } from './account-events.js';

/** A session lasts at most this long after sign-in, however busy its editor (its token is renewed meanwhile). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly passwordHash: string;
  readonly status: 'active' | 'disabled';
  readonly addedAt: string;
  /** Open sessions: id → when it started. Disabling or a new password closes them all. */
  readonly sessions: ReadonlyMap<string, string>;
}

/** Every account, folded from the `accounts` stream; `revision` is the stream's last one folded (-1: none). */
export interface AccountBook {
  readonly accounts: ReadonlyMap<string, Account>;
  readonly revision: number;
}

export const emptyAccountBook: AccountBook = { accounts: new Map(), revision: -1 };

/** The one fold of account events; `at` is when the event was stored. */
export function evolveAccounts(book: AccountBook, event: AccountEvent, at: string): AccountBook {
  const revision = book.revision + 1;
  if (event.type === 'AccountAdded') {
    const account: Account = { ...event.data, status: 'active', addedAt: at, sessions: new Map() };
    return { accounts: new Map(book.accounts).set(account.username, account), revision };
  }
  const account = book.accounts.get(event.data.username);
  if (!account) return { ...book, revision };
  return { accounts: new Map(book.accounts).set(account.username, evolveAccount(account, event, at)), revision };
}

function evolveAccount(account: Account, event: Exclude<AccountEvent, { type: 'AccountAdded' }>, at: string): Account {
  switch (event.type) {
    case 'AccountDisabled':
      return { ...account, status: 'disabled', sessions: new Map() };
    case 'AccountEnabled':
      return { ...account, status: 'active' };
    case 'PasswordReset':
      return { ...account, passwordHash: event.data.passwordHash, sessions: new Map() };
    case 'SessionStarted':
      return { ...account, sessions: withoutExpired(account.sessions, at).set(event.data.sessionId, at) };
    case 'SessionEnded': {
      const sessions = new Map(account.sessions);
      sessions.delete(event.data.sessionId);
      return { ...account, sessions };
    }
  }
}

/** Sessions past their lifetime are dropped as new ones start, so the book does not grow without end. */
function withoutExpired(sessions: ReadonlyMap<string, string>, now: string): Map<string, string> {
  const cutoff = Date.parse(now) - SESSION_LIFETIME_MS;
  return new Map([...sessions].filter(([, startedAt]) => Date.parse(startedAt) > cutoff));
}

/** The account, if it is active and the session is open and young enough at `now`. */
export function openSession(book: AccountBook, username: string, sessionId: string, now: number): Account | null {
  const account = book.accounts.get(username);
  if (account?.status !== 'active') return null;
  const startedAt = account.sessions.get(sessionId);
  if (startedAt === undefined || now - Date.parse(startedAt) > SESSION_LIFETIME_MS) return null;
  return account;
}
