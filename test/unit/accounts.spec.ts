import {
  emptyAccountBook,
  evolveAccounts,
  evolveSessions,
  openSession,
  SESSION_LIFETIME_MS,
  type AccountBook,
} from '../../src/accounts/domain/account-book.js';
import { checkedPassword, decideAccounts, type AccountCommand } from '../../src/accounts/domain/account-decide.js';
import { AccountConflict, AccountNotFound, InvalidAccount } from '../../src/accounts/domain/account-errors.js';
import type { AccountEvent } from '../../src/accounts/domain/account-events.js';

const T0 = '2026-01-05T09:00:00.000Z';
const add: AccountCommand = {
  type: 'AddAccount',
  username: 'ann',
  displayName: ' Ann Editor ',
  role: 'editor',
  passwordHash: '$argon2id$x',
};

/** A sign-in checked on the book as it stands, unless it names the `accounts` revision it was checked on. */
type StartSession = Extract<AccountCommand, { type: 'StartSession' }>;
type Command =
  | Exclude<AccountCommand, StartSession>
  | (Omit<StartSession, 'accountsRevision'> & { accountsRevision?: number });

/** Decides each command on the book so far and folds what it decided, as the app does (sessions apart), all at `at`. */
function run(commands: Command[], at = T0, book: AccountBook = emptyAccountBook): AccountBook {
  return commands.reduce((current, command) => {
    const decided =
      command.type === 'StartSession'
        ? { ...command, accountsRevision: command.accountsRevision ?? current.revision }
        : command;
    return decideAccounts(decided, current).reduce((next, event) => fold(next, event, at), current);
  }, book);
}

function fold(book: AccountBook, event: AccountEvent, at: string): AccountBook {
  const isSession = event.type === 'SessionStarted' || event.type === 'SessionEnded';
  return isSession ? evolveSessions(book, event, at) : evolveAccounts(book, event, at);
}

describe('accounts: decide and evolve', () => {
  it('adds an account with a trimmed display name, and refuses the same user name again', () => {
    const book = run([add]);
    expect(book.accounts.get('ann')).toMatchObject({ displayName: 'Ann Editor', role: 'editor', status: 'active' });
    expect(book.revision).toBe(0);
    expect(() => decideAccounts(add, book)).toThrow(AccountConflict);
  });

  it('refuses a malformed user name, display name or role, and a short password', () => {
    expect(() => decideAccounts({ ...add, username: 'Ann' }, emptyAccountBook)).toThrow(InvalidAccount);
    expect(() => decideAccounts({ ...add, displayName: '  ' }, emptyAccountBook)).toThrow(InvalidAccount);
    expect(() => decideAccounts({ ...add, role: 'system' }, emptyAccountBook)).toThrow(InvalidAccount);
    expect(() => checkedPassword('123456789')).toThrow(InvalidAccount);
    expect(checkedPassword('1234567890')).toBe('1234567890');
  });

  it('refuses to disable the last active admin, and disables an admin while another is active', () => {
    const admin = (username: string): AccountCommand => ({ ...add, username, role: 'admin' });
    const one = run([add, admin('root')]);
    expect(() => decideAccounts({ type: 'DisableAccount', username: 'root' }, one)).toThrow(AccountConflict);
    const two = run([admin('rae')], T0, one);
    const disabled = run([{ type: 'DisableAccount', username: 'root' }], T0, two);
    expect(disabled.accounts.get('root')?.status).toBe('disabled');
    expect(() => decideAccounts({ type: 'DisableAccount', username: 'rae' }, disabled)).toThrow(AccountConflict);
  });

  it('answers not found for an unknown account', () => {
    expect(() => decideAccounts({ type: 'DisableAccount', username: 'bob' }, emptyAccountBook)).toThrow(
      AccountNotFound,
    );
  });

  it('closes every session when the account is disabled or its password reset', () => {
    const signedIn = run([
      add,
      { type: 'StartSession', username: 'ann', sessionId: 's1' },
      { type: 'StartSession', username: 'ann', sessionId: 's2' },
    ]);
    const now = Date.parse(T0);
    expect(openSession(signedIn, 'ann', 's1', now)).not.toBeNull();
    const disabled = run([{ type: 'DisableAccount', username: 'ann' }], T0, signedIn);
    expect(openSession(disabled, 'ann', 's2', now)).toBeNull();
    const s3 = { type: 'StartSession', username: 'ann', sessionId: 's3', accountsRevision: disabled.revision } as const;
    expect(() => decideAccounts(s3, disabled)).toThrow(InvalidAccount);
    const reset = run([{ type: 'ResetPassword', username: 'ann', passwordHash: '$argon2id$y' }], T0, signedIn);
    expect(reset.accounts.get('ann')!.sessions.size).toBe(0);
    expect(reset.accounts.get('ann')!.passwordHash).toBe('$argon2id$y');
  });

  it('ends one session on sign-out and leaves the others open; ending it twice changes nothing', () => {
    const book = run([
      add,
      { type: 'StartSession', username: 'ann', sessionId: 's1' },
      { type: 'StartSession', username: 'ann', sessionId: 's2' },
      { type: 'EndSession', username: 'ann', sessionId: 's1' },
    ]);
    const now = Date.parse(T0);
    expect(openSession(book, 'ann', 's1', now)).toBeNull();
    expect(openSession(book, 'ann', 's2', now)).not.toBeNull();
    expect(decideAccounts({ type: 'EndSession', username: 'ann', sessionId: 's1' }, book)).toEqual([]);
  });

  it('refuses a session past its lifetime, and forgets it when a later one starts', () => {
    const book = run([add, { type: 'StartSession', username: 'ann', sessionId: 'old' }]);
    const expired = Date.parse(T0) + SESSION_LIFETIME_MS + 1;
    expect(openSession(book, 'ann', 'old', expired)).toBeNull();
    const later = new Date(expired).toISOString();
    const next = run([{ type: 'StartSession', username: 'ann', sessionId: 'new' }], later, book);
    expect([...next.accounts.get('ann')!.sessions.keys()]).toEqual(['new']);
  });

  it('does not open a session checked before a new password, whichever of the two is folded first', () => {
    const signedIn = run([add]); // accounts revision 0
    const reset = run([{ type: 'ResetPassword', username: 'ann', passwordHash: '$argon2id$y' }], T0, signedIn); // 1
    const now = Date.parse(T0);
    // A sign-in checked on revision 0 (the old password), stored after the reset: never open.
    const stale = run([{ type: 'StartSession', username: 'ann', sessionId: 'stale', accountsRevision: 0 }], T0, reset);
    expect(openSession(stale, 'ann', 'stale', now)).toBeNull();
    // The same sign-in folded before the reset (its sessions stream read first): closed by the reset.
    const early = run(
      [{ type: 'StartSession', username: 'ann', sessionId: 'stale', accountsRevision: 0 }],
      T0,
      signedIn,
    );
    const resetAfter = run([{ type: 'ResetPassword', username: 'ann', passwordHash: '$argon2id$y' }], T0, early);
    expect(openSession(resetAfter, 'ann', 'stale', now)).toBeNull();
    // A sign-in checked on revision 1 (the new password) folded before the reset: the reset leaves it open.
    const fresh = run(
      [{ type: 'StartSession', username: 'ann', sessionId: 'fresh', accountsRevision: 1 }],
      T0,
      signedIn,
    );
    const resetLater = run([{ type: 'ResetPassword', username: 'ann', passwordHash: '$argon2id$y' }], T0, fresh);
    expect(openSession(resetLater, 'ann', 'fresh', now)).not.toBeNull();
  });

  it('folds the sessions stored in the accounts stream before sessions had streams of their own', () => {
    const legacy = (type: 'SessionStarted' | 'SessionEnded', sessionId: string): AccountEvent => ({
      type,
      data: { username: 'ann', sessionId },
    });
    const book = [legacy('SessionStarted', 'a'), legacy('SessionStarted', 'b'), legacy('SessionEnded', 'a')].reduce(
      (current, event) => evolveAccounts(current, event, T0),
      run([add]),
    );
    const now = Date.parse(T0);
    expect(book.revision).toBe(3);
    expect(openSession(book, 'ann', 'a', now)).toBeNull();
    expect(openSession(book, 'ann', 'b', now)).not.toBeNull();
    const reset = run([{ type: 'ResetPassword', username: 'ann', passwordHash: '$argon2id$y' }], T0, book);
    expect(openSession(reset, 'ann', 'b', now)).toBeNull();
  });
});
