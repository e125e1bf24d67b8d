import { isIP } from 'node:net';
import type { AppConfig } from '../config/index.js';

/** What the origin of a request is made of: Fastify's request gives all four. */
interface OriginParts {
  readonly protocol: string;
  /** The Host header (or, behind TRUST_PROXY, the proxy's forwarded host), as sent. */
  readonly host: string;
  readonly raw: { readonly socket: { readonly localAddress?: string; readonly localPort?: number } };
}

/**
 * The origin a page's absolute links start with when PUBLIC_URL is not set. The Host header is the
 * caller's to choose, and what it says would be copied into `canonical`, `og:url`, the feeds' self
 * links and the oEmbed's HTML, and from a shared cache to everyone after: so it is taken only when
 * it names the address this connection came to (the IP literal, or `localhost` on a loopback
 * address, with the port listened on). Anything else gets that address itself. A site served
 * under a name sets PUBLIC_URL.
 */
export function requestOrigin(request: OriginParts): string {
  const { localAddress = '127.0.0.1', localPort } = request.raw.socket;
  const address = localAddress.startsWith('::ffff:') ? localAddress.slice('::ffff:'.length) : localAddress;
  const port = localPort === undefined ? '' : `:${localPort}`;
  const literal = isIP(address) === 6 ? `[${address}]` : address;
  const own = [`${literal}${port}`];
  if (address === '127.0.0.1' || address === '::1') own.push(`localhost${port}`);
  const host = request.host.toLowerCase();
  return `${request.protocol}://${own.includes(host) ? host : own[0]}`;
}

/** The site's own address for absolute links: PUBLIC_URL when set, else the request's (only a Host that names this server). */
export function siteOrigin(config: AppConfig, request: OriginParts): string {
  return config.operations.publicUrl ?? requestOrigin(request);
}
