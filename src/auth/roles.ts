import { applyDecorators, createParamDecorator, SetMetadata, UseFilters, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../kernel/index.js';
import type { SessionUser } from '../accounts/http/session-authenticator.js';
import { PageAuthFilter } from './page-auth.filter.js';
import type { Author } from '../kernel/index.js';

export const ROLES_KEY = 'dateline:roles';
export const PAGE_KEY = 'dateline:page';

/** The roles a route admits; `admin` is admitted everywhere. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A page for signed-in accounts with one of these roles (or admin): without a session the browser
 * is sent to /signin and back afterwards; with the wrong role it gets a page saying so.
 */
export const SignedInPage = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), SetMetadata(PAGE_KEY, true), UseFilters(PageAuthFilter));

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
