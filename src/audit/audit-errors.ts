import { DomainError } from '../kernel/index.js';

/** The blog exists, but not at the revision or instant asked for (beyond its head, or before it opened). */
export class RevisionNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'RevisionNotFound';
}
