/** The roles an account can hold; `admin` may do everything an editor or auditor may. */
export const ACCOUNT_ROLES = ['editor', 'contributor', 'auditor', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * What happens to accounts, stored in the `accounts` stream (DESIGN §6a). A password is only ever
 * stored as its argon2id hash; a session is only its id, never the token that carries it.
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
}

export const ACCOUNT_EVENT_TYPES: ReadonlySet<string> = new Set<AccountEvent['type']>([
  'AccountAdded',
  'AccountDisabled',
  'AccountEnabled',
  'PasswordReset',
  'SessionStarted',
  'SessionEnded',
]);
