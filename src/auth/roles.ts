import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Author, Role } from '../kernel/index.js';
import type { SessionUser } from './session-authenticator.js';

export const ROLES_KEY = 'dateline:roles';
export const PAGE_KEY = 'dateline:page';

/** The roles a route admits; `admin` is admitted everywhere. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The bearer of the request's token or session, as an event author. Set by the AuthGuard. */
export const CurrentAuthor = createParamDecorator((_: unknown, context: ExecutionContext): Author => {
  return context.switchToHttp().getRequest<{ author: Author }>().author;
});

/**
 * The request's sign-in session (account, author, CSRF token), or undefined when the request came
 * with a bearer token. Pass it to a template as `session`: the layout then shows "Sign out".
 */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser | undefined => {
  return context.switchToHttp().getRequest<{ session?: SessionUser }>().session;
});
