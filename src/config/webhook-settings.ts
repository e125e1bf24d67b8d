import ipaddr from 'ipaddr.js';
import { ConfigError } from './config.js';

/** How webhooks are sent (DESIGN §4d): when a failed delivery is tried again, how long one may take, what it may reach. */
export interface WebhookSettings {
  /** Waits before the 2nd, 3rd… attempt of one message, in ms (WEBHOOK_RETRY_SCHEDULE); then the endpoint is failing. */
  readonly retryScheduleMs: readonly number[];
  /** The longest one attempt may take, connection to response (WEBHOOK_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /**
   * Host names, addresses and CIDR ranges an endpoint may reach although they are loopback,
   * private, link-local or otherwise not public (WEBHOOK_ALLOW_HOSTS); lower case.
   */
  readonly allowHosts: readonly string[];
}

/** The Standard Webhooks recommendation: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h. */
const DEFAULT_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d{1,7})(ms|s|m|h)$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function parseWebhookSettings(env: NodeJS.ProcessEnv): { webhooks: WebhookSettings } {
  return {
    webhooks: {
      retryScheduleMs: parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE),
      timeoutMs: parseTimeout(env.WEBHOOK_TIMEOUT_MS),
      allowHosts: parseAllowHosts('WEBHOOK_ALLOW_HOSTS', env.WEBHOOK_ALLOW_HOSTS),
    },
  };
}

function parseRetrySchedule(raw: string | undefined): readonly number[] {
  const value = raw?.trim() || DEFAULT_RETRY_SCHEDULE;
  if (value.toLowerCase() === 'none') return [];
  const waits = value.split(',').map((entry) => {
    const match = DURATION.exec(entry.trim());
    if (!match) {
      throw new ConfigError(
        `WEBHOOK_RETRY_SCHEDULE must be waits such as 5s,5m,2h separated by commas (or none), got "${entry.trim()}"`,
      );
    }
    return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  });
  if (waits.length > 20) throw new ConfigError('WEBHOOK_RETRY_SCHEDULE may name at most 20 waits');
  if (waits.some((wait) => wait > 7 * 24 * 3_600_000)) {
    throw new ConfigError('WEBHOOK_RETRY_SCHEDULE waits may not exceed a week each');
  }
  return waits;
}

function parseTimeout(raw: string | undefined): number {
  const value = raw?.trim() || '10000';
  const timeout = Number(value);
  if (!/^\d+$/.test(value) || timeout < 100 || timeout > 120_000) {
    throw new ConfigError(`WEBHOOK_TIMEOUT_MS must be whole milliseconds from 100 to 120000, got "${raw}"`);
  }
  return timeout;
}

/** Host names, addresses and CIDR ranges separated by commas, lower case (WEBHOOK_ALLOW_HOSTS, PUSH_ALLOW_HOSTS). */
export function parseAllowHosts(name: string, raw: string | undefined): readonly string[] {
  const value = raw?.trim() ?? '';
  if (value === '') return [];
  return value.split(',').map((entry) => {
    const host = entry
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (!isAddressOrRange(host) && !HOST_NAME.test(host)) {
      throw new ConfigError(
        `${name} must be host names, addresses or CIDR ranges separated by commas, got "${entry.trim()}"`,
      );
    }
    return host;
  });
}

function isAddressOrRange(entry: string): boolean {
  return ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry);
}
