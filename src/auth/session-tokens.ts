import { createSecretKey, hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import CsrfTokens from '@fastify/csrf';
import { resolveSessionSecret } from './signing-key.js';
import { CLOCK_LEEWAY_SECONDS } from './token-policy.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import type { Account } from '../accounts/index.js';

/** A session token lives this long; a request in its second third gets a fresh one (renewal while in use). */
export const SESSION_TOKEN_SECONDS = 15 * 60;
export const RENEW_AFTER_SECONDS = 5 * 60;
/** The audience that marks a token as a sign-in session's (checked against the accounts), not an API client's. */
const SESSION_AUDIENCE = 'dateline-session';

export interface SessionClaims {
  readonly username: string;
  readonly sessionId: string;
  /** The session's CSRF secret: the page's CSRF token is made from it and checked against it. */
  readonly csrfSecret: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
}

/**
 * Signs and checks session tokens with a key of their own (derived from the session secret), so a
 * session token is never taken for an API token or the other way round, whatever the settings.
 */
@Injectable()
export class SessionTokens {
  private readonly jwt: JwtService;
  private readonly issuer: string;
  // The typings' call signature loses the `userInfo` overload: the tokens are bound to the session id.
  private readonly csrf = CsrfTokens({ userInfo: true }) as unknown as CsrfTokens.TokensUserinfo;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = Buffer.from(hkdfSync('sha256', resolveSessionSecret(config), '', 'dateline session tokens', 32));
    const secret = createSecretKey(key);
    this.issuer = config.tokens.issuer;
    this.jwt = new JwtService({
      secret,
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /** A new session's CSRF secret. */
  newCsrfSecret(): string {
    return this.csrf.secretSync();
  }

  sign(account: Account, sessionId: string, csrfSecret: string): string {
    const claims = {
      sub: account.username,
      name: account.displayName,
      role: account.role,
      sid: sessionId,
      csrf: csrfSecret,
    };
    return this.jwt.sign(claims, {
      audience: SESSION_AUDIENCE,
      issuer: this.issuer,
      expiresIn: SESSION_TOKEN_SECONDS,
    });
  }

  /** True when the token says it is a session's (unverified: it only picks which check to run). */
  isSessionToken(token: string): boolean {
    const decoded: unknown = this.jwt.decode(token);
    return typeof decoded === 'object' && decoded !== null && (decoded as { aud?: unknown }).aud === SESSION_AUDIENCE;
  }

  /** The claims of a valid, unexpired session token, or null. */
  verify(token: string): SessionClaims | null {
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token, {
        audience: SESSION_AUDIENCE,
        issuer: this.issuer,
        maxAge: SESSION_TOKEN_SECONDS,
        clockTolerance: CLOCK_LEEWAY_SECONDS,
      });
    } catch {
      return null;
    }
    const { sub, sid, csrf, iat } = claims;
    if (typeof sub !== 'string' || typeof sid !== 'string' || typeof csrf !== 'string' || typeof iat !== 'number')
      return null;
    return { username: sub, sessionId: sid, csrfSecret: csrf, issuedAt: iat };
  }

  csrfToken(claims: SessionClaims): string {
    return this.csrf.create(claims.csrfSecret, claims.sessionId);
  }

  csrfTokenMatches(claims: SessionClaims, token: string | undefined): boolean {
    return token !== undefined && this.csrf.verify(claims.csrfSecret, token, claims.sessionId);
  }
}
