/** The roles an account can hold; `admin` may do everything an editor or auditor may. */
export const ACCOUNT_ROLES = ['editor', 'contributor', 'auditor', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * What happens to accounts (DESIGN §6a): the accounts themselves in the `accounts` stream, each
 * account's sessions in its own `sessions-<username>` stream (older sessions sit in `accounts`). A
 * password is only ever stored as its argon2id hash; a session is only its id, never its token.
 */
export type AccountEvent =
  | { readonly type: 'AccountAdded'; readonly data: AccountAddedData }
  | { readonly type: 'AccountDisabled'; readonly data: { readonly username: string } }
  | { readonly type: 'AccountEnabled'; readonly data: { readonly username: string } }
  | { readonly type: 'PasswordReset'; readonly data: { readonly username: string; readonly passwordHash: string } }
  | { readonly type: 'SessionStarted'; readonly data: SessionData }
  | { readonly type: 'SessionEnded'; readonly data: SessionData };

export interface AccountAddedData {
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly passwordHash: string;
}

export interface SessionData {
  readonly username: string;
  readonly sessionId: string;
  /**
   * On a SessionStarted in a sessions stream: the revision of the `accounts` stream the password
   * was checked on. A password reset or a disabling after it closes the session, whichever the
   * two streams are read in. Absent on sessions stored in `accounts`, whose own place there says it.
   */
  readonly accountsRevision?: number;
}

export const ACCOUNT_EVENT_TYPES: ReadonlySet<string> = new Set<AccountEvent['type']>([
  'AccountAdded',
  'AccountDisabled',
  'AccountEnabled',
  'PasswordReset',
  'SessionStarted',
  'SessionEnded',
]);
