import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import type { Author, Role } from '../kernel/index.js';
import type { SessionUser } from './session-authenticator.js';

export const ROLES_KEY = 'dateline:roles';
export const PAGE_KEY = 'dateline:page';

/** The OpenAPI security schemes (`/docs-json`): an API token, or the sign-in session's cookie. */
export const BEARER_SCHEME = 'bearer';
export const COOKIE_SCHEME = 'session';

/**
 * The roles a route admits; `admin` is admitted everywhere. The OpenAPI document learns from the
 * same decorator that the route needs credentials (a bearer token or the session cookie) and may
 * answer 401 and 403, so it cannot say a guarded route is public.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiSecurity(BEARER_SCHEME),
    ApiSecurity(COOKIE_SCHEME),
    ApiProblemResponses(401, 403),
  );

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
