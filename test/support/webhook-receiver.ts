import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './live.js';

export interface ReceivedWebhook {
  readonly id: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  readonly body: string;
  readonly json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** What the receiver answers the n-th request (from 1): a status, or a status, a body and a delay before answering. */
export type Answer = (
  n: number,
  received: ReceivedWebhook,
) => number | { status: number; body?: string; delayMs?: number };

export interface Receiver {
  /** http://127.0.0.1:<port>/hook */
  readonly url: string;
  /** Every request, in the order it came, failed ones included. */
  readonly requests: ReceivedWebhook[];
  /** Requests answered 2xx. */
  readonly delivered: ReceivedWebhook[];
  /** Waits until `count` requests were answered 2xx. */
  waitForDelivered(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A webhook endpoint on 127.0.0.1 port 0 that records what it gets and answers as told (204 by default). */
export async function startReceiver(answer: Answer = () => 204): Promise<Receiver> {
  const requests: ReceivedWebhook[] = [];
  const delivered: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received = {
        id: String(request.headers['webhook-id']),
        headers: request.headers,
        body,
        json: JSON.parse(body),
      };
      requests.push(received);
      const answered = answer(requests.length, received);
      const { status, body: reply, delayMs } = typeof answered === 'number' ? { status: answered } : answered;
      setTimeout(() => {
        if (status >= 200 && status < 300) delivered.push(received);
        response.writeHead(status, { 'content-type': 'text/plain' }).end(reply ?? '');
      }, delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    delivered,
    waitForDelivered: async (count, timeoutMs = 15_000) => {
      await waitFor(() => delivered.length >= count, timeoutMs, `${count} webhooks delivered`);
      return delivered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
