import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { carriesCredentials, type AuthenticatedRequest } from '../auth/index.js';
import type { AppConfig } from '../config/index.js';
import { AUTHOR, ROUTE, type StampedRequest } from './access-log.js';

/** A year, and every subdomain: what browsers' preload lists ask for. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * onRequest: the request id (Fastify's, made by `requestIdFor`) goes back as X-Request-Id on every
 * response (routes, assets, 404s, errors), and the route pattern onto the raw request for the access log.
 */
export function stampRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  (request.raw as StampedRequest)[ROUTE] = request.routeOptions.url ?? null;
  reply.header('X-Request-Id', request.id);
  done();
}

/**
 * onSend, on every response Fastify sends:
 * - the author goes onto the raw request for the access log (set by the guard, also when refused);
 * - HSTS only when the site is served over https (a browser would pin a plain-http site to https);
 * - a response made for a signed-in caller is `private, no-store`: audit views, retracted text and
 *   the newsroom's pages stay out of shared caches and off the disk of a shared computer.
 */
export function operationsHeaders(config: AppConfig) {
  return (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: null, payload: unknown) => void,
  ) => {
    const { author } = request as AuthenticatedRequest;
    if (author) (request.raw as StampedRequest)[AUTHOR] = { id: author.id, name: author.name, role: author.role };
    if (servedOverHttps(request.raw, config)) reply.header('Strict-Transport-Security', HSTS);
    if (author || carriesCredentials(request.raw)) reply.header('Cache-Control', 'private, no-store');
    done(null, payload);
  };
}

/**
 * Over https: PUBLIC_URL says so, the connection is TLS, or (behind TRUST_PROXY load balancers) the
 * nearest one's X-Forwarded-Proto says the browser used https; entries further left are not ours to trust.
 */
export function servedOverHttps(request: IncomingMessage, config: AppConfig): boolean {
  if (config.operations.publicUrl?.startsWith('https:')) return true;
  if ((request.socket as { encrypted?: boolean } | null)?.encrypted) return true;
  if (config.trustedProxies === 0) return false;
  const header = request.headers['x-forwarded-proto'];
  const scheme = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim().toLowerCase();
  return scheme === 'https';
}
