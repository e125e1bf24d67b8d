import type { JwtSignOptions, JwtVerifyOptions } from '@nestjs/jwt';
import type { TokenSettings } from '../config/index.js';
import { type Author, DomainError, ROLES, type Role, text } from '../kernel/index.js';

/** Clocks disagree a little: a token issued a few seconds "ahead" of this node is still taken. */
export const CLOCK_LEEWAY_SECONDS = 30;
/** A `sub` or `name` longer than this is refused: both are copied into every event the bearer writes. */
export const MAX_SUB_LENGTH = 100;
export const MAX_NAME_LENGTH = 100;

/** A bearer token that is signed correctly but breaks a rule below; the message says which. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
}

/** How the server's own API tokens are signed (`npm run token`): its issuer and audience. */
export function apiSignOptions(settings: TokenSettings): JwtSignOptions {
  return { issuer: settings.issuer, audience: settings.audience };
}

/**
 * What the JWT library checks on every bearer token: signature, algorithm (set by the module),
 * `aud`, `iss`, `exp` not passed, and `iat` present and no older than the longest life allowed.
 */
export function apiVerifyOptions(settings: TokenSettings): JwtVerifyOptions {
  return {
    audience: settings.audience,
    issuer: settings.issuer,
    maxAge: settings.maxLifetimeSeconds,
    clockTolerance: CLOCK_LEEWAY_SECONDS,
  };
}

/**
 * The rules the library has no option for: a token must expire (`exp` is required), may not
 * claim to be issued in the future, and may not live longer than TOKEN_MAX_HOURS; its claims
 * name a known role and are short, printable text.
 */
export function authorOf(claims: Record<string, unknown>, settings: TokenSettings, nowSeconds: number): Author {
  const { exp, iat, sub, name, role } = claims;
  if (typeof exp !== 'number') throw new TokenRefused('the bearer token must expire: it has no exp claim');
  if (typeof iat !== 'number' || iat > nowSeconds + CLOCK_LEEWAY_SECONDS)
    throw new TokenRefused('the bearer token’s iat is in the future');
  if (exp - iat > settings.maxLifetimeSeconds)
    throw new TokenRefused(
      `the bearer token lives longer than ${settings.maxLifetimeSeconds / 3600} h (TOKEN_MAX_HOURS)`,
    );
  if (!ROLES.includes(role as Role))
    throw new TokenRefused(`the bearer token’s role must be one of ${ROLES.join(', ')}`);
  return {
    id: claimText(sub, 'sub', MAX_SUB_LENGTH),
    name: claimText(name, 'name', MAX_NAME_LENGTH),
    role: role as Role,
  };
}

/** The same rule as every text field an event stores (no control characters, overrides, empty text). */
function claimText(value: unknown, claim: string, maxLength: number): string {
  try {
    return text(value, claim, maxLength);
  } catch (error) {
    if (error instanceof DomainError) throw new TokenRefused(`the bearer token’s ${error.message}`);
    throw error;
  }
}
