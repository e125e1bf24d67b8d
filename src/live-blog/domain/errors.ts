/** Why the domain refused a command; mapped to HTTP in one place (shared/problem-details.filter.ts). */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** The field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The command is malformed: an empty or oversized text, a bad count, an `at` out of order. */
export class InvalidCommand extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidCommand';
}

export class LiveBlogNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'LiveBlogNotFound';
}

export class UpdateNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'UpdateNotFound';
}

/** The blog is closed, already open, or the update already retracted or posted. */
export class LiveBlogConflict extends DomainError {
  readonly kind = 'conflict';
  override readonly name = 'LiveBlogConflict';
}
