import { DomainError } from '../../kernel/index.js';

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
