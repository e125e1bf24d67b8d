import { isIP } from 'node:net';
import { ConfigError } from './config.js';

/** Settings of the operations surface: who may scrape /metrics, and where the site is served. */
export interface OperationsSettings {
  /** Addresses and CIDR ranges that may read /metrics without a token (METRICS_ALLOW). */
  readonly metricsAllow: readonly string[];
  /** A bearer token that reads /metrics from any address (METRICS_TOKEN). */
  readonly metricsToken?: string;
  /** The address readers use (PUBLIC_URL); `https:` there sends HSTS on every response. */
  readonly publicUrl?: string;
}

/** Loopback only: a Prometheus on the same host, or a sidecar. */
const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1'] as const;

export function parseOperationsSettings(env: NodeJS.ProcessEnv): { operations: OperationsSettings } {
  const token = env.METRICS_TOKEN?.trim();
  if (token && !/^[\x21-\x7e]{32,200}$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be 32 to 200 visible ASCII characters');
  }
  return {
    operations: {
      metricsAllow: parseMetricsAllow(env.METRICS_ALLOW),
      metricsToken: token || undefined,
      publicUrl: parsePublicUrl(env.PUBLIC_URL),
    },
  };
}

function parseMetricsAllow(raw: string | undefined): readonly string[] {
  const value = raw?.trim() ?? '';
  if (value === '') return DEFAULT_METRICS_ALLOW;
  if (value.toLowerCase() === 'none') return [];
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) {
      throw new ConfigError(
        `METRICS_ALLOW must be addresses or CIDR ranges separated by commas (or none), got "${entry}"`,
      );
    }
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function parsePublicUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  return url.origin;
}
