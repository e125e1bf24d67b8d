import { DomainError } from '../kernel/index.js';
import type { EventStore } from './event-store.js';

/** Seconds a client is told to wait before trying again while the store does not answer. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * The store did not answer (refused, cut off, or slower than STORE_TIMEOUT_MS): the request was not
 * carried out. Answered 503 with Retry-After.
 */
export class StoreUnavailable extends DomainError {
  override readonly name = 'StoreUnavailable';
  readonly kind = 'unavailable';
  readonly retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS;

  constructor(readonly failure: unknown) {
    super('the event store does not answer; nothing was written, try again shortly');
  }

  override get details(): Readonly<Record<string, unknown>> {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * The store with every promise it returns failing as StoreUnavailable when `isOutage` says the
 * failure came of the connection rather than of the request. Its other members pass through.
 */
export function reportingOutages<S extends EventStore>(store: S, isOutage: (error: unknown) => boolean): S {
  return new Proxy(store, {
    get(target, property) {
      const member = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result = member.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          throw isOutage(error) ? new StoreUnavailable(error) : error;
        });
      };
    },
  });
}
