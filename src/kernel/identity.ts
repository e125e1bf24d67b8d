/** Who did something: an account, a token's bearer, or the server itself (imports, scheduled work). */
export type AuthorRole = 'editor' | 'contributor' | 'auditor' | 'admin' | 'system';

export interface Author {
  readonly id: string;
  readonly name: string;
  readonly role: AuthorRole;
}

/** The roles an account or a token can hold. */
export const ROLES = ['editor', 'contributor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
