import { DomainError } from '../../kernel/index.js';

/** Failures of the command path that are not the domain's decisions. */

/** Other writers kept winning the race: the client may simply retry. */
export class ConcurrentWriteConflict extends DomainError {
  override readonly name = 'ConcurrentWriteConflict';
  readonly kind = 'conflict';

  constructor(readonly attempts: number) {
    super(`the live blog kept changing under ${attempts} attempts; retry`);
  }
}

/** An Idempotency-Key already answered a different request: replaying its result would be a lie. */
export class IdempotencyKeyReused extends DomainError {
  override readonly name = 'IdempotencyKeyReused';
  readonly kind = 'unprocessable';

  constructor(
    readonly idempotencyKey: string,
    by = 'for a different request',
  ) {
    super(`Idempotency-Key "${idempotencyKey}" was already used ${by}`, 'Idempotency-Key');
  }
}
