import { fastifyCookie } from '@fastify/cookie';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { AccountDirectory, type Account } from '../accounts/index.js';
import {
  CSRF_FIELD,
  CSRF_HEADER,
  fromOwnSite,
  SESSION_COOKIE,
  sessionCookieOf,
  setSessionCookie,
} from './session-cookie.js';
import { RENEW_AFTER_SECONDS, SessionTokens, type SessionClaims } from './session-tokens.js';
import type { Author } from '../kernel/index.js';

/** A signed-in editor, auditor or admin, as the request (or socket) carries them. */
export interface SessionUser {
  readonly account: Account;
  readonly claims: SessionClaims;
  /** As events record it: the account's user name and display name. */
  readonly author: Author;
  /** For the page: forms send it as `_csrf`, scripts as the X-CSRF-Token header. */
  readonly csrfToken: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who a session token belongs to, checked against the accounts on every call: a closed session is refused at once. */
@Injectable()
export class SessionAuthenticator {
  constructor(
    private readonly tokens: SessionTokens,
    private readonly directory: AccountDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isSessionToken(token: string): boolean {
    return this.tokens.isSessionToken(token);
  }

  /** A session token (a cookie's value, or a bearer header's) → its user, or null when invalid, expired or ended. */
  fromToken(token: string | undefined): SessionUser | null {
    const claims = token ? this.tokens.verify(token) : null;
    const account = claims ? this.directory.session(claims.username, claims.sessionId) : null;
    if (!claims || !account) return null;
    const author: Author = { id: account.username, name: account.displayName, role: account.role };
    return { account, claims, author, csrfToken: this.tokens.csrfToken(claims) };
  }

  /** The session in a raw Cookie header, as a Socket.IO handshake carries it (`socket.handshake.headers.cookie`). */
  fromCookieHeader(header: string | undefined): SessionUser | null {
    return header ? this.fromToken(fastifyCookie.parse(header)[SESSION_COOKIE]) : null;
  }

  /**
   * The request's cookie session, or null. A write (any method but GET/HEAD/OPTIONS) must come
   * from this site and carry the session's CSRF token, or it is refused with 403. A token in the
   * second third of its life is renewed on the reply.
   */
  fromRequest(request: FastifyRequest, reply: FastifyReply): SessionUser | null {
    const user = this.fromToken(sessionCookieOf(request));
    if (!user) return null;
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, user.claims);
    if (Date.now() / 1000 - user.claims.issuedAt >= RENEW_AFTER_SECONDS) this.renew(request, reply, user);
    return user;
  }

  /** A fresh token for the same session (same id, same CSRF secret): the page's CSRF token stays good. */
  renew(request: FastifyRequest, reply: FastifyReply, user: SessionUser): void {
    const token = this.tokens.sign(user.account, user.claims.sessionId, user.claims.csrfSecret);
    setSessionCookie(reply, request, token, this.config.trustedProxies);
  }

  private checkCsrf(request: FastifyRequest, claims: SessionClaims): void {
    if (!fromOwnSite(request)) throw new ForbiddenException('a signed-in write must come from this site’s own pages');
    const header = request.headers[CSRF_HEADER];
    const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    const token = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!this.tokens.csrfTokenMatches(claims, token)) {
      throw new ForbiddenException({
        message: 'a signed-in write needs the page’s CSRF token in the X-CSRF-Token header (or the _csrf field)',
        details: { field: 'X-CSRF-Token' },
      });
    }
  }
}
