import { readFileSync } from 'node:fs';
import { ConfigError } from './config.js';

/** How long a client may take and how many connections it may hold open (DESIGN §6, "Limits"). */
export interface ConnectionSettings {
  /** A whole request, headers and body, must arrive within this (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** The headers must arrive within this, a new connection's first byte included (min(10 s, the request timeout)). */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this: above the 60 s idle of common balancers. */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic either way is closed after this (Socket.IO's ping keeps a reader's busy). */
  readonly idleTimeoutMs: number;
  /** Open connections from one client address (CONNECTIONS_PER_ADDRESS; 0 for no cap; half of `total` by default). */
  readonly perAddress: number;
  /** Open connections in all (MAX_CONNECTIONS): beyond it new ones are closed at once. */
  readonly total: number;
}

export function parseConnectionSettings(env: NodeJS.ProcessEnv): { connections: ConnectionSettings } {
  const requestTimeoutMs = whole('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 30_000, 1000, 600_000);
  const total = whole('MAX_CONNECTIONS', env.MAX_CONNECTIONS, defaultTotal(), 1, 1_000_000);
  return {
    connections: {
      requestTimeoutMs,
      headersTimeoutMs: Math.min(10_000, requestTimeoutMs),
      keepAliveTimeoutMs: 65_000,
      idleTimeoutMs: 120_000,
      // Half the total by default: one address (a carrier-grade NAT holds thousands of readers)
      // may hold many, never all.
      perAddress: whole(
        'CONNECTIONS_PER_ADDRESS',
        env.CONNECTIONS_PER_ADDRESS,
        Math.max(1, Math.floor(total / 2)),
        0,
        1_000_000,
      ),
      total,
    },
  };
}

/**
 * Four fifths of the process's open-file limit (each connection holds a descriptor; the store,
 * logs and files need the rest), at most 10,000; 10,000 where the limit cannot be read.
 */
function defaultTotal(): number {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
    if (soft) return Math.max(1, Math.min(10_000, Math.floor((Number(soft) * 4) / 5)));
  } catch {
    // Not Linux: no /proc.
  }
  return 10_000;
}

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d{1,9}$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
