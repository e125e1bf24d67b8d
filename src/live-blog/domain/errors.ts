import { DomainError } from '../../kernel/index.js';

/**
 * No such live blog: the one way every route, the sockets and the tools say it. The domain
 * knows no id (a command carries none); the command handler names the blog.
 */
export class LiveBlogNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'LiveBlogNotFound';

  constructor(readonly liveBlogId?: string) {
    super(liveBlogId === undefined ? 'no such live blog' : `no live blog "${liveBlogId}"`);
  }
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
