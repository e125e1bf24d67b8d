import {
  emptyAccountBook,
  evolveAccounts,
  openSession,
  SESSION_LIFETIME_MS,
  type AccountBook,
} from '../../src/accounts/domain/account-book.js';
import { checkedPassword, decideAccounts, type AccountCommand } from '../../src/accounts/domain/account-decide.js';
import { AccountConflict, AccountNotFound, InvalidAccount } from '../../src/accounts/domain/account-errors.js';

const T0 = '2026-01-05T09:00:00.000Z';
const add: AccountCommand = {
  type: 'AddAccount',
  username: 'ann',
  displayName: ' Ann Editor ',
  role: 'editor',
  passwordHash: '$argon2id$x',
};

/** Decides each command on the book so far and folds what it decided, all at `at`. */
function run(commands: AccountCommand[], at = T0, book: AccountBook = emptyAccountBook): AccountBook {
  return commands.reduce(
    (current, command) =>
      decideAccounts(command, current).reduce((next, event) => evolveAccounts(next, event, at), current),
    book,
  );
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
    expect(() => decideAccounts({ type: 'StartSession', username: 'ann', sessionId: 's3' }, disabled)).toThrow(
      InvalidAccount,
    );
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
});
