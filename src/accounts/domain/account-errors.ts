import { DomainError } from '../../kernel/index.js';

/** A malformed user name, display name, role or password. */
export class InvalidAccount extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidAccount';
}

export class AccountNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'AccountNotFound';
}

/** The user name is taken. */
export class AccountConflict extends DomainError {
  readonly kind = 'conflict';
  override readonly name = 'AccountConflict';
}
