/** Why a command or request was refused; mapped to HTTP in one place (shared/problem-details.filter.ts). */
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
