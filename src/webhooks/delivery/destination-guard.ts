import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup as resolveAll } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { InvalidWebhook } from '../domain/webhook-types.js';

const MAX_URL_LENGTH = 2000;

/** A delivery's address is not one this server may reach (private, loopback, metadata…). */
class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';
}

/**
 * Keeps webhooks off this server's own network: an endpoint must be an http(s) URL whose host
 * resolves only to public unicast addresses, unless WEBHOOK_ALLOW_HOSTS names the host, the
 * address or a range holding it. Checked when an endpoint is registered and again on every
 * connection (`lookup`), so a name that resolves elsewhere later (DNS rebinding) is refused, and
 * the connection goes to the very address that was checked.
 */
export class DestinationGuard {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  /** `setting` names the allow-list in refusals; `field` is the request field a refused address is blamed on. */
  constructor(
    allowHosts: readonly string[],
    private readonly names: { readonly setting: string; readonly field: string } = {
      setting: 'WEBHOOK_ALLOW_HOSTS',
      field: 'url',
    },
  ) {
    for (const entry of allowHosts) {
      if (ipaddr.isValidCIDR(entry)) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.hosts.add(entry);
    }
  }

  /** The URL, or InvalidWebhook naming the `url` field. */
  parseUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidWebhook('url must be an absolute http:// or https:// URL', 'url');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new InvalidWebhook('url must be an http:// or https:// URL', 'url');
    }
    if (url.username || url.password) throw new InvalidWebhook('url may not carry a user name or password', 'url');
    if (raw.length > MAX_URL_LENGTH) throw new InvalidWebhook(`url may be at most ${MAX_URL_LENGTH} characters`, 'url');
    return url;
  }

  /** At registration: every address the host has now must be allowed. */
  async checkRegistration(url: URL): Promise<void> {
    const host = hostOf(url);
    let addresses: string[];
    try {
      addresses = ipaddr.isValid(host) ? [host] : (await resolveAll(host, { all: true })).map((a) => a.address);
    } catch {
      throw new InvalidWebhook(`the host ${host} does not resolve`, this.names.field);
    }
    for (const address of addresses) {
      const refusal = this.refusal(address, host);
      if (refusal) throw new InvalidWebhook(refusal, this.names.field);
    }
  }

  /** Whether the allow-list names this host itself (not only its addresses). */
  allowsHost(host: string): boolean {
    if (this.hosts.has(host.toLowerCase())) return true;
    if (!ipaddr.isValid(host)) return false;
    const parsed = ipaddr.process(host);
    return this.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  }

  /** Why this address may not be reached for this host, or null when it may. */
  refusal(address: string, host: string): string | null {
    if (this.hosts.has(host.toLowerCase())) return null;
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.process(address);
    } catch {
      return `${address} is not an IP address`;
    }
    if (this.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return null;
    const range = parsed.range();
    if (range === 'unicast') return null;
    return `the host ${host} is at ${parsed.toString()}, a ${range} address: not reachable unless ${this.names.setting} names it`;
  }

  /** For an http(s) request: an address literal is checked before the request; a name is resolved, checked, then used. */
  checkLiteral(url: URL): void {
    const host = hostOf(url);
    if (!ipaddr.isValid(host)) return;
    const refusal = this.refusal(host, host);
    if (refusal) throw new DestinationRefused(refusal);
  }

  /** A lookup for node:http that answers only checked addresses: the socket connects to what was checked. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const refusal = this.refusal(address, hostname);
        if (refusal) return callback(new DestinationRefused(refusal), '', 0);
      }
      if ((options as LookupOptions).all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}

/** The URL's host without the brackets of an IPv6 literal. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
