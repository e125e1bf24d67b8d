/**
 * Why a command or request was refused. One filter (shared/problem-details.filter.ts) maps a kind
 * to its HTTP status and headers; it knows no feature, only these kinds.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  /** The client's If-Match names an older revision than the current one (412 with the current ETag). */
  | 'stale'
  /** Well-formed, but it contradicts an earlier request (422). */
  | 'unprocessable'
  /** A budget is spent (429 with Retry-After). */
  | 'rate_limited'
  /** The configured store cannot do this (501). */
  | 'unsupported'
  /** Something the request needs (the store) does not answer now; nothing was written (503 with Retry-After). */
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** The field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }

  /** What the answer says besides the message; by default the field at fault. */
  get details(): Readonly<Record<string, unknown>> | undefined {
    return this.field === undefined ? undefined : { field: this.field };
  }
}

/** The command is malformed: an empty or oversized text, a bad count, an `at` out of order. */
export class InvalidCommand extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidCommand';
}

/** The write named a revision that is no longer the current one. */
export class StaleRevision extends DomainError {
  override readonly name = 'StaleRevision';
  readonly kind = 'stale';

  constructor(
    readonly expected: number,
    readonly currentRevision: number,
  ) {
    super(`the live blog is at revision ${currentRevision}, not ${expected}`);
  }

  override get details(): Readonly<Record<string, unknown>> {
    return { currentRevision: this.currentRevision };
  }
}

/** A budget is spent; the answer says when to come back. */
export class RateLimited extends DomainError {
  override readonly name = 'RateLimited';
  readonly kind = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }

  override get details(): Readonly<Record<string, unknown>> {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}
