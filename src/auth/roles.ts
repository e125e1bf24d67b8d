import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Author } from '../live-blog/domain/index.js';

export const ROLES = ['editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'dateline:roles';

/** The roles a route admits; `admin` is admitted everywhere. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The bearer of the request's token, as an event author. Set by the AuthGuard. */
export const CurrentAuthor = createParamDecorator((_: unknown, context: ExecutionContext): Author => {
  return context.switchToHttp().getRequest<{ author: Author }>().author;
});
