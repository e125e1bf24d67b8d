import type { IncomingMessage } from 'node:http';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TOKEN_SECONDS } from './session-tokens.js';

export const SESSION_COOKIE = 'dateline_session';
/** The header a page's fetch sends its CSRF token in (forms send the field `_csrf`). */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when
 * the request came over https: directly, or by the X-Forwarded-Proto of a trusted proxy.
 */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  trustedProxies: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(request, trustedProxies),
    path: '/',
    maxAge: SESSION_TOKEN_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, trustedProxies: number): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(request, trustedProxies),
    path: '/',
  });
}

export function sessionCookieOf(request: { cookies?: Record<string, string | undefined> }): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

/** Behind proxies, the nearest one says which scheme the browser used; further entries are not ours to trust. */
function isHttps(request: FastifyRequest, trustedProxies: number): boolean {
  if (request.protocol === 'https') return true;
  if (trustedProxies === 0) return false;
  const header = request.headers['x-forwarded-proto'];
  const scheme = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim().toLowerCase();
  return scheme === 'https';
}

/**
 * False when the browser says the request came from another site's page. Sec-Fetch-Site is asked
 * first: with helmet's `Referrer-Policy: no-referrer`, Chrome sends a form post's Origin as "null"
 * even from our own page. Without it, an Origin must name this host. Clients that send neither pass.
 */
export function fromOwnSite(request: { headers: Record<string, string | string[] | undefined> }): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** A bearer token or the session cookie: the answer is the caller's own, never a shared cache's. */
export function carriesCredentials(request: Pick<IncomingMessage, 'headers'>): boolean {
  return request.headers.authorization !== undefined || (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}
