import { DomainError, text } from '../../kernel/index.js';
import type { Account, AccountBook } from './account-book.js';
import { AccountConflict, AccountNotFound, InvalidAccount } from './account-errors.js';
import { ACCOUNT_ROLES, type AccountEvent, type AccountRole } from './account-events.js';

/** Lower-case letters, digits, dot, dash and underscore; it names the account in events and tokens. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const DISPLAY_NAME_MAX = 80;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export type AccountCommand =
  | {
      readonly type: 'AddAccount';
      readonly username: string;
      readonly displayName: string;
      readonly role: string;
      readonly passwordHash: string;
    }
  | { readonly type: 'DisableAccount'; readonly username: string }
  | { readonly type: 'EnableAccount'; readonly username: string }
  | { readonly type: 'ResetPassword'; readonly username: string; readonly passwordHash: string }
  | {
      readonly type: 'StartSession';
      readonly username: string;
      readonly sessionId: string;
      /** The revision of the `accounts` stream the password was checked on. */
      readonly accountsRevision: number;
    }
  | { readonly type: 'EndSession'; readonly username: string; readonly sessionId: string };

/** What a command changes in the book: nothing (an empty list) when it is already so. */
export function decideAccounts(command: AccountCommand, book: AccountBook): AccountEvent[] {
  if (command.type === 'AddAccount') return addAccount(command, book);
  const account = book.accounts.get(command.username);
  if (!account) throw new AccountNotFound(`there is no account "${command.username}"`, 'username');
  const { username } = account;
  switch (command.type) {
    case 'DisableAccount':
      if (account.status === 'disabled') return [];
      if (isLastAdmin(account, book)) {
        throw new AccountConflict(
          `"${username}" is the last active admin: add or enable another admin before disabling this one`,
          'username',
        );
      }
      return [{ type: 'AccountDisabled', data: { username } }];
    case 'EnableAccount':
      return account.status === 'active' ? [] : [{ type: 'AccountEnabled', data: { username } }];
    case 'ResetPassword':
      return [{ type: 'PasswordReset', data: { username, passwordHash: command.passwordHash } }];
    case 'StartSession': {
      const { sessionId, accountsRevision } = command;
      if (account.status !== 'active') throw new InvalidAccount(`the account "${username}" is disabled`, 'username');
      return [{ type: 'SessionStarted', data: { username, sessionId, accountsRevision } }];
    }
    case 'EndSession':
      if (!account.sessions.has(command.sessionId)) return [];
      return [{ type: 'SessionEnded', data: { username, sessionId: command.sessionId } }];
  }
}

/** Without an active admin account nobody could manage accounts from the site again. */
function isLastAdmin(account: Account, book: AccountBook): boolean {
  if (account.role !== 'admin' || account.status !== 'active') return false;
  for (const other of book.accounts.values()) {
    if (other !== account && other.role === 'admin' && other.status === 'active') return false;
  }
  return true;
}

function addAccount(command: Extract<AccountCommand, { type: 'AddAccount' }>, book: AccountBook): AccountEvent[] {
  const username = checkedUsername(command.username);
  const displayName = checkedDisplayName(command.displayName);
  if (!(ACCOUNT_ROLES as readonly string[]).includes(command.role)) {
    throw new InvalidAccount(`the role must be one of ${ACCOUNT_ROLES.join(', ')}`, 'role');
  }
  if (book.accounts.has(username)) throw new AccountConflict(`the user name "${username}" is taken`, 'username');
  const role = command.role as AccountRole;
  return [{ type: 'AccountAdded', data: { username, displayName, role, passwordHash: command.passwordHash } }];
}

export function checkedUsername(username: string): string {
  if (!USERNAME_PATTERN.test(username)) {
    throw new InvalidAccount(
      'the user name must be 2 to 40 lower-case letters, digits, dots, dashes or underscores',
      'username',
    );
  }
  return username;
}

/**
 * The name every event the account writes carries and every console shows: one line of text that
 * keeps the rule of all shown text (no control characters, no bidirectional overrides, not invisible).
 */
function checkedDisplayName(displayName: string): string {
  let checked: string;
  try {
    checked = text(displayName, 'displayName', DISPLAY_NAME_MAX);
  } catch (error) {
    if (error instanceof DomainError) throw new InvalidAccount(error.message, 'displayName');
    throw error;
  }
  if (/[\t\n\r]/.test(checked)) throw new InvalidAccount('displayName must be one line', 'displayName');
  return checked;
}

/** Checked before hashing, so a weak password never reaches the store even as a hash. */
export function checkedPassword(password: string): string {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new InvalidAccount(`the password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, 'password');
  }
  return password;
}
