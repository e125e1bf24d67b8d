/** What is stored of webhook endpoints, in the private `webhooks` stream (DESIGN §4d). */
export type WebhookEvent =
  | {
      readonly type: 'WebhookRegistered';
      readonly data: {
        readonly webhookId: string;
        readonly url: string;
        readonly events: readonly string[];
        /** Only these stories; null for every story. */
        readonly liveBlogIds: readonly string[] | null;
        readonly secret: string;
      };
    }
  | {
      readonly type: 'WebhookSecretRotated';
      readonly data: { readonly webhookId: string; readonly secret: string; readonly previousValidUntil: string };
    }
  | { readonly type: 'WebhookFailing'; readonly data: { readonly webhookId: string; readonly reason: string } }
  | { readonly type: 'WebhookDisabled'; readonly data: { readonly webhookId: string; readonly reason: string } }
  | { readonly type: 'WebhookResumed'; readonly data: { readonly webhookId: string } }
  | { readonly type: 'WebhookDeleted'; readonly data: { readonly webhookId: string } };

export const WEBHOOK_EVENT_TYPES: ReadonlySet<string> = new Set([
  'WebhookRegistered',
  'WebhookSecretRotated',
  'WebhookFailing',
  'WebhookDisabled',
  'WebhookResumed',
  'WebhookDeleted',
]);

/**
 * `active` endpoints are sent to; a `failing` one ran out of retries and waits for an admin to
 * resume it; a `disabled` one answered 410 Gone. Neither loses its place: resumed, it goes on
 * from the first event it has not received.
 */
export type WebhookStatus = 'active' | 'failing' | 'disabled';

export interface WebhookSecret {
  readonly secret: string;
  /** Absent for the current secret; a rotated-out one still signs until then. */
  readonly validUntil?: string;
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly liveBlogIds: readonly string[] | null;
  /** The current secret first. */
  readonly secrets: readonly WebhookSecret[];
  readonly status: WebhookStatus;
  readonly statusReason?: string;
  readonly registeredAt: string;
  /** Deliveries start after the registration's own place in the feed: an endpoint hears of what comes after it. */
  readonly startAfter: string;
  /** When an admin last resumed it: failed attempts before then do not count against the retry schedule. */
  readonly resumedAt?: string;
}

export interface WebhookBook {
  /** The last revision of the `webhooks` stream folded; -1 before any. */
  readonly revision: number;
  readonly endpoints: ReadonlyMap<string, WebhookEndpoint>;
}

export const emptyWebhookBook: WebhookBook = { revision: -1, endpoints: new Map() };

/** Where and when the store put the event: the fold needs them, the event's data does not carry them. */
interface Recorded {
  readonly revision: number;
  readonly recordedAt: string;
  readonly checkpoint: string;
}

export function evolveWebhooks(book: WebhookBook, event: WebhookEvent, recorded: Recorded): WebhookBook {
  const endpoints = new Map(book.endpoints);
  const { webhookId } = event.data;
  const endpoint = endpoints.get(webhookId);
  if (event.type === 'WebhookRegistered') {
    const { url, events, liveBlogIds, secret } = event.data;
    endpoints.set(webhookId, {
      id: webhookId,
      url,
      events,
      liveBlogIds,
      secrets: [{ secret }],
      status: 'active',
      registeredAt: recorded.recordedAt,
      startAfter: recorded.checkpoint,
    });
  } else if (endpoint) {
    const changed = change(endpoint, event, recorded);
    if (changed) endpoints.set(webhookId, changed);
    else endpoints.delete(webhookId);
  }
  return { revision: recorded.revision, endpoints };
}

/** The endpoint after the event; null when it was deleted. */
function change(endpoint: WebhookEndpoint, event: WebhookEvent, recorded: Recorded): WebhookEndpoint | null {
  switch (event.type) {
    case 'WebhookRegistered':
      return endpoint;
    case 'WebhookSecretRotated': {
      const previous = { secret: endpoint.secrets[0].secret, validUntil: event.data.previousValidUntil };
      return { ...endpoint, secrets: [{ secret: event.data.secret }, previous] };
    }
    case 'WebhookFailing':
      return endpoint.status === 'active'
        ? { ...endpoint, status: 'failing', statusReason: event.data.reason }
        : endpoint;
    case 'WebhookDisabled':
      return { ...endpoint, status: 'disabled', statusReason: event.data.reason };
    case 'WebhookResumed':
      return { ...endpoint, status: 'active', statusReason: undefined, resumedAt: recorded.recordedAt };
    case 'WebhookDeleted':
      return null;
  }
}

/** The secrets that still sign at `now`: the current one, and a rotated-out one until its time is up. */
export function signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  return endpoint.secrets
    .filter((secret) => secret.validUntil === undefined || Date.parse(secret.validUntil) > now.getTime())
    .map((secret) => secret.secret);
}
