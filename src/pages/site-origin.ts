import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/index.js';

/** The address the request itself came to: its scheme (as TRUST_PROXY reads it) and Host. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The site's own address for absolute links: PUBLIC_URL when set, else the request's. */
export function siteOrigin(config: AppConfig, request: FastifyRequest): string {
  return config.operations.publicUrl ?? requestOrigin(request);
}
