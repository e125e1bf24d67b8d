import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/index.js';
import { requestOrigin } from '../shared/index.js';

export { requestOrigin };

/** The site's own address for absolute links: PUBLIC_URL when set, else the request's (only a Host that names this server). */
export function siteOrigin(config: AppConfig, request: FastifyRequest): string {
  return config.operations.publicUrl ?? requestOrigin(request);
}
