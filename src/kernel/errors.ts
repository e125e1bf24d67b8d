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

/**
 * Every kind an error answer may carry, on HTTP (`kind`, and the end of the problem's `type`) and
 * on the sockets (`error.kind`): the domain's kinds and those of refusals that come from the
 * protocol rather than from a feature (no credentials, a body too large, a node that is stopping).
 */
export type ErrorKind =
  | DomainErrorKind
  /** No credentials, or credentials that are no good (401). */
  | 'unauthenticated'
  /** Credentials that may not do this (403). */
  | 'forbidden'
  /** The body is larger than the server takes (413). */
  | 'too_large'
  /** The body is not JSON (415). */
  | 'unsupported_media_type'
  /** The node cannot answer now (a store that does not answer, a node that is stopping): retry (503). */
  | 'unavailable'
  /** A fault of the server's own (500). */
  | 'internal';

/** One field at fault in a refused request: a body path (`dead.count`), a header (`If-Match`) or a query parameter (`limit`). */
export interface FieldProblem {
  readonly field: string;
  readonly detail: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** The field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
  }

  /** The fields at fault, each with what is wrong with it: the answer's `errors`. */
  get errors(): readonly FieldProblem[] {
    return this.field === undefined ? [] : [{ field: this.field, detail: this.message }];
  }

  /** The answer's deprecated `details` member, kept for older clients: by default the field at fault. */
  get details(): Readonly<Record<string, unknown>> | undefined {
    return this.field === undefined ? undefined : { field: this.field };
  }
}

/** The command is malformed: an empty or oversized text, a bad count, an `at` out of order. */
export class InvalidCommand extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidCommand';
}

/**
 * Several fields at fault, found at once (the body's validation, a JSON body no consumer can
 * take). The deprecated `details` lists them as `{fields: [{field, problems}]}`.
 */
export class InvalidFields extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidFields';

  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => problem.detail).join('; ') || 'the request body is invalid', problems[0]?.field);
  }

  override get errors(): readonly FieldProblem[] {
    return this.problems;
  }

  override get details(): Readonly<Record<string, unknown>> {
    const fields = new Map<string, string[]>();
    for (const { field, detail } of this.problems) fields.set(field, [...(fields.get(field) ?? []), detail]);
    return { fields: [...fields].map(([field, problems]) => ({ field, problems })) };
  }
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
