import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import type { DestinationGuard } from '../../webhooks/index.js';
import type { PushSubscriptionRecord } from '../domain/push-events.js';
import type { VapidKeys } from '../application/vapid-keys.js';

/** How long a push service may keep a notification for a browser that is offline: news goes stale. */
const NOTIFICATION_TTL_SECONDS = 6 * 3600;
const TIMEOUT_MS = 10_000;

/** What a reader's service worker receives (DESIGN §4f). */
export interface NotificationPayload {
  readonly liveBlogId: string;
  readonly updateId: string;
  readonly headline: string;
  readonly url: string;
}

export interface PushOutcome {
  /** The push service's status, or null when none answered (refused address, connection error, timeout). */
  readonly status: number | null;
  readonly error?: string;
}

/**
 * One notification to one subscription: the `web-push` library encrypts the payload (RFC 8291,
 * aes128gcm) and signs the VAPID JWT (RFC 8292); the request itself goes through the destination
 * guard's lookup, so a push service's host that resolves to a private address is refused.
 */
export async function sendNotification(
  subscription: PushSubscriptionRecord,
  payload: NotificationPayload,
  options: {
    readonly vapid: VapidKeys;
    readonly subject: string;
    readonly guard: DestinationGuard;
    readonly signal: AbortSignal;
  },
): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: subscription.keys },
    JSON.stringify(payload),
    {
      TTL: NOTIFICATION_TTL_SECONDS,
      urgency: 'high',
      // A newer notification of the same update replaces one the push service still holds.
      topic: Buffer.from(payload.updateId).toString('base64url').slice(0, 32),
      contentEncoding: 'aes128gcm',
      vapidDetails: {
        subject: options.subject,
        publicKey: options.vapid.publicKey,
        privateKey: options.vapid.privateKey,
      },
    },
  );
  try {
    const target = new URL(details.endpoint);
    options.guard.checkLiteral(target);
    const headers = Object.fromEntries(Object.entries(details.headers).map(([name, value]) => [name, String(value)]));
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)]);
    const status = await post(target, headers, details.body as Buffer, options.guard, signal);
    return status >= 200 && status < 300 ? { status } : { status, error: `HTTP ${status}` };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { status: null, error: timedOut ? `no answer within ${TIMEOUT_MS} ms` : (error as Error).message };
  }
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: Buffer,
  guard: DestinationGuard,
  signal: AbortSignal,
): Promise<number> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: 'POST', headers, lookup: guard.lookup, agent: false, signal },
      (response) => {
        // Nothing of the answer is needed but its status.
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
