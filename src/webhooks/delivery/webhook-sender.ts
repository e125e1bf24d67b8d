import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { WebhookMessage } from './webhook-payload.js';
import type { DestinationGuard } from './destination-guard.js';

/** At most this much of a response body is read and kept: enough to see an error message, never a whole page. */
const RESPONSE_EXCERPT_BYTES = 256;

interface AttemptResult {
  /** The HTTP status, or null when no response came (refused address, connection error, timeout). */
  readonly status: number | null;
  readonly durationMs: number;
  /** Why no response came, or the status's meaning. */
  readonly error?: string;
  /** The first bytes of the response body, as text. */
  readonly response?: string;
}

/**
 * One POST of a message, signed per Standard Webhooks 1.0 with the reference library (`v1`,
 * HMAC-SHA256 over `id.timestamp.body`; one signature per secret still in force, space-separated).
 * Redirects are not followed (a 3xx fails the attempt); the whole exchange has `timeoutMs`.
 */
export async function sendWebhook(
  url: string,
  message: WebhookMessage,
  secrets: readonly string[],
  options: {
    readonly guard: DestinationGuard;
    readonly timeoutMs: number;
    readonly now: Date;
    readonly signal: AbortSignal;
  },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signature = secrets.map((secret) => new Webhook(secret).sign(message.id, options.now, message.body)).join(' ');
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Dateline-Webhooks/1',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(options.now.getTime() / 1000)),
    'webhook-signature': signature,
  };
  try {
    const target = new URL(url);
    options.guard.checkLiteral(target);
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
    const { status, excerpt } = await post(target, headers, message.body, options.guard, signal);
    const ok = status >= 200 && status < 300;
    return { status, durationMs: elapsed(), ...(ok ? {} : { error: `HTTP ${status}` }), response: excerpt };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const reason = timedOut ? `no answer within ${options.timeoutMs} ms` : (error as Error).message;
    return { status: null, durationMs: elapsed(), error: reason };
  }
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  guard: DestinationGuard,
  signal: AbortSignal,
): Promise<{ status: number; excerpt: string }> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: 'POST', headers, lookup: guard.lookup, agent: false, signal },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
          resolve({ status: response.statusCode ?? 0, excerpt });
        };
        response.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_EXCERPT_BYTES) chunks.push(chunk.subarray(0, RESPONSE_EXCERPT_BYTES - kept));
          kept += chunk.length;
          // Enough read: the rest of a large body is not waited for.
          if (kept >= RESPONSE_EXCERPT_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.on('end', finish);
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
