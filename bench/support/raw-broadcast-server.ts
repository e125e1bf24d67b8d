/**
 * The ceiling for bench/push.ts: plain node:http and Socket.IO, no Nest, no store. POST
 * /broadcast emits its JSON body to every socket of /live, so that both measured paths start
 * with one HTTP request and end with one broadcast of the same payload.
 * Forked by bench/push.ts; sends its URL over IPC and answers 'memory' and 'cpu' like bench-server (whose
 * helper is not imported, as that would load Nest into this process).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { LIVE_NAMESPACE } from '../../src/live-blog/realtime/live-events.js';

const http = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/broadcast') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    live.emit('event', payload);
    response.writeHead(204).end();
  });
});

// The gateway's own options (live.gateway.ts), so the engine behaves alike on both sides.
const io = new Server(http, { transports: ['websocket', 'polling'], cors: { origin: '*' }, maxHttpBufferSize: 16_384 });
const live = io.of(LIVE_NAMESPACE);

process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (message !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ memory: process.memoryUsage() });
});

http.listen(0, '127.0.0.1', () => {
  process.send?.(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => void io.close(() => process.exit(0)));
