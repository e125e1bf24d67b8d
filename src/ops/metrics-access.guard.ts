import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { clientAddress } from '../kernel/index.js';

/**
 * /metrics tells how busy each story is and how the store performs: it is served to the addresses
 * METRICS_ALLOW lists (loopback by default: a Prometheus on the host or a sidecar) and to a caller
 * sending METRICS_TOKEN as a bearer token; anyone else gets 403.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly allowed = new BlockList();
  private readonly token?: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    for (const entry of config.operations.metricsAllow) {
      const [address = '', prefix] = entry.split('/');
      const family = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.allowed.addAddress(address, family);
      else this.allowed.addSubnet(address, Number(prefix), family);
    }
    if (config.operations.metricsToken) this.token = Buffer.from(config.operations.metricsToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.hasToken(request.headers.authorization) || this.fromAllowedAddress(request)) return true;
    throw new ForbiddenException(
      'metrics are served to the addresses in METRICS_ALLOW, or with the METRICS_TOKEN bearer token',
    );
  }

  private hasToken(header: string | undefined): boolean {
    if (!this.token || !header) return false;
    const sent = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '');
    return sent.length === this.token.length && timingSafeEqual(sent, this.token);
  }

  private fromAllowedAddress(request: FastifyRequest): boolean {
    const peer = request.raw.socket.remoteAddress ?? '';
    const address = unmapped(clientAddress({ address: peer, headers: request.headers }, this.config.trustedProxies));
    return this.allowed.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  }
}

/** An IPv4 client of a dual-stack listener shows as ::ffff:a.b.c.d. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}
