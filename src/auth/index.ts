/** The auth folder's front door: what other folders may use. */
export { AuthGuard, type AuthenticatedRequest } from './auth.guard.js';
export { AuthModule, jwtOptions } from './auth.module.js';
export { BEARER_SCHEME, COOKIE_SCHEME, CurrentAuthor, CurrentSession, PAGE_KEY, Roles, ROLES_KEY } from './roles.js';
export { SessionAuthenticator, type SessionUser } from './session-authenticator.js';
export { carriesCredentials, clearSessionCookie, fromOwnSite, setSessionCookie } from './session-cookie.js';
export { SessionTokens } from './session-tokens.js';
export { MAX_NAME_LENGTH, MAX_SUB_LENGTH } from './token-policy.js';
