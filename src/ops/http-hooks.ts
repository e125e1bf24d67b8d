import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { carriesCredentials, type AuthenticatedRequest } from '../auth/index.js';
import type { AppConfig } from '../config/index.js';
import { AUTHOR, ROUTE, type StampedRequest } from './access-log.js';

/** A year, and every subdomain: what browsers' preload lists ask for. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Hooks on every response Fastify sends (routes, assets, 404s, errors):
 * - the request id (Fastify's, made by `requestIdFor`) goes back as X-Request-Id;
 * - the route pattern and the author go onto the raw request for the access log;
 * - HSTS only when the site is served over https (a browser would pin a plain-http site to https);
 * - a response made for a signed-in caller is `private, no-store`: audit views, retracted text and
 *   the newsroom's pages stay out of shared caches and off the disk of a shared computer.
 */
export function registerOperationsHooks(fastify: FastifyInstance, config: AppConfig): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as StampedRequest)[ROUTE] = request.routeOptions.url ?? null;
    reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const { author } = request as AuthenticatedRequest;
    if (author) (request.raw as StampedRequest)[AUTHOR] = { id: author.id, name: author.name, role: author.role };
    if (servedOverHttps(request.raw, config)) reply.header('Strict-Transport-Security', HSTS);
    if (author || carriesCredentials(request.raw)) reply.header('Cache-Control', 'private, no-store');
    done(null, payload);
  });
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
