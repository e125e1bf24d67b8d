/** Failures of the command path that are not the domain's: mapped to HTTP in shared/problem-details.filter.ts. */
export class StaleRevision extends Error {
  override readonly name = 'StaleRevision';
  readonly kind = 'stale';

  constructor(
    readonly expected: number,
    readonly currentRevision: number,
  ) {
    super(`the live blog is at revision ${currentRevision}, not ${expected}`);
  }
}

/** Other writers kept winning the race: the client may simply retry. */
export class ConcurrentWriteConflict extends Error {
  override readonly name = 'ConcurrentWriteConflict';
  readonly kind = 'conflict';

  constructor(readonly attempts: number) {
    super(`the live blog kept changing under ${attempts} attempts; retry`);
  }
}

/** An Idempotency-Key already answered a different request: replaying its result would be a lie. */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  readonly kind = 'unprocessable';

  constructor(
    readonly idempotencyKey: string,
    by = 'for a different request',
  ) {
    super(`Idempotency-Key "${idempotencyKey}" was already used ${by}`);
  }
}
