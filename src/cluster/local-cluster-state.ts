import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ClusterState, Presence, RateBudget, RateLimit } from './cluster-state.js';

/** This process's memory: right for the embedded single-node store, per node anywhere else. */
export function localClusterState(): ClusterState {
  const running = new Map<string, Promise<unknown>>();
  const leases = new Map<string, { holder: string; expiresAt: number }>();
  return {
    scope: 'node',
    presence: new LocalPresence(),
    rateLimit: (name, budget) => memoryRateLimit(name, budget),
    exclusive: async <T>(name: string, work: () => Promise<T>) => {
      // Within one process, queue behind the job already running under this name.
      const before = running.get(name) ?? Promise.resolve();
      const mine = before.catch(() => undefined).then(work);
      running.set(name, mine);
      return mine;
    },
    lease: async (name, holder, ttlSeconds) => {
      const held = leases.get(name);
      if (held && held.holder !== holder && held.expiresAt > Date.now()) return false;
      leases.set(name, { holder, expiresAt: Date.now() + ttlSeconds * 1000 });
      return true;
    },
    releaseLease: async (name, holder) => {
      if (leases.get(name)?.holder === holder) leases.delete(name);
    },
    close: async () => {},
  };
}

class LocalPresence implements Presence {
  async report(local: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    return new Map(local);
  }
}

function memoryRateLimit(name: string, budget: RateBudget): RateLimit {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: budget.points, duration: budget.durationSeconds });
  return limiterRateLimit(limiter);
}

/** The port over any rate-limiter-flexible limiter: memory here, a shared table where nodes share budgets. */
export function limiterRateLimit(limiter: RateLimiterAbstract): RateLimit {
  return {
    consume: (key) => consumed(limiter.consume(key)),
    take: (key) => secondsToWait(limiter.consume(key)),
    waitSeconds: async (key) => {
      const state = await limiter.get(key);
      return state && state.remainingPoints <= 0 ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
    },
    refund: async (key) => void (await limiter.reward(key, 1)),
    reset: async (key) => void (await limiter.delete(key)),
  };
}

/** 0 when the point was taken, else whole seconds (at least 1) until the budget has one again. */
async function secondsToWait(attempt: Promise<unknown>): Promise<number> {
  try {
    await attempt;
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent; anything else is a fault. */
async function consumed(attempt: Promise<unknown>): Promise<boolean> {
  try {
    await attempt;
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
