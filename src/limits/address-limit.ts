import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestLimits } from './request-limits.js';
import { clientAddress, RateLimited } from '../kernel/index.js';
import { replyWithProblem } from '../shared/index.js';

/** Probes from the load balancer and the metrics scraper come from one address, often: never limited. */
const UNLIMITED_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * A Fastify onRequest hook: every request but the probes spends one of its client address's
 * READ_RATE_LIMIT, before routing and before the body is read, so a flood costs one counter each.
 */
export function addressLimit(limits: RequestLimits, trustedProxies: number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (UNLIMITED_PATHS.has(request.url.split('?', 1)[0]!)) return;
    const address = clientAddress({ address: request.ip, headers: request.headers }, trustedProxies);
    const wait = await limits.request(address);
    if (wait === 0) return;
    reply.header('Cache-Control', 'no-store');
    const refusal = new RateLimited(`too many requests from your address; retry in ${wait} s (READ_RATE_LIMIT)`, wait);
    await replyWithProblem(reply, refusal);
  };
}
