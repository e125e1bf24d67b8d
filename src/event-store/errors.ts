import { DomainError } from '../kernel/index.js';
import type { ExpectedRevision } from './event-store.js';

/** The stream is not at the revision the writer expected; nothing was written. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current last revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${stream} expected at ${String(expected)}, actual ${actual}`);
  }
}

/** A batch reuses event ids already stored, but not as the same batch of the same stream. */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';

  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored elsewhere`);
  }
}

/** A checkpoint this adapter did not make (another store's, or not a checkpoint at all); nothing was read. */
export class InvalidCheckpoint extends Error {
  override readonly name = 'InvalidCheckpoint';

  constructor(readonly checkpoint: string) {
    super(`${JSON.stringify(checkpoint.slice(0, 60))} is not a checkpoint of this store`);
  }
}

/** The store cannot remove text from stored events (KurrentDB's are immutable): nothing was written. */
export class RedactionUnsupported extends DomainError {
  override readonly name = 'RedactionUnsupported';
  readonly kind = 'unsupported';
}

/** A redaction named a stored event that is not where it said: nothing was written. */
export class RewriteTargetMissing extends Error {
  override readonly name = 'RewriteTargetMissing';

  constructor(
    readonly stream: string,
    readonly revision: number,
    readonly eventId: string,
  ) {
    super(`no event ${eventId} at revision ${revision} of ${stream} to rewrite`);
  }
}
