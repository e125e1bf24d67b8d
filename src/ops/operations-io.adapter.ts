import { type IncomingMessage, type Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { IoAdapter } from '@nestjs/platform-socket.io';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/index.js';
import type { RateLimited } from '../kernel/index.js';
import { EngineSessions, RequestLimits, socketConnectLimit } from '../limits/index.js';
import { LIVE_MESSAGE_LIMIT } from '../live-blog/index.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from '../shared/index.js';
import { ROUTE, requestIdFor, type StampedRequest, writeAccessLine } from './access-log.js';
import { LeanIoAdapter } from '../shared/index.js';
import { HSTS, servedOverHttps } from './http-hooks.js';

const SOCKET_ROUTE = '/socket.io/';
const STARTED = Symbol('dateline.started');
/** engine.io's code for a request its allowRequest refused (answered 403; any other error, 400). */
const FORBIDDEN = 4;
/** How long a stopping node waits for its goodbyes to leave before it closes the sockets. */
const GOODBYE_FLUSH_MS = 2000;

/** The Socket.IO that @nestjs/platform-socket.io runs (its own copy, not the app's). */
type Server = ReturnType<IoAdapter['createIOServer']>;
type ServerOptions = Parameters<IoAdapter['createIOServer']>[1];
type Socket = Server['sockets']['sockets'] extends Map<string, infer S> ? S : never;

type TimedRequest = StampedRequest & { [STARTED]?: number; _query?: Record<string, string> };
/** engine.io's answer to a request: Node's for long-polling, a stand-in holding the TCP socket for an upgrade. */
type EngineResponse = ServerResponse | { readonly socket: Duplex };

/**
 * Socket.IO as the app uses it (LeanIoAdapter), plus what operations need of it, outside the gateways:
 * - every Engine.IO session spends its address's connect budget and counts against its open cap,
 *   whatever namespace it joins (../limits/engine-sessions.ts); a refused handshake answers 429;
 * - each handshake (and each refused engine request) gets an access log line and an X-Request-Id,
 *   like every HTTP request (engine.io answers them itself, so Fastify never sees them);
 * - every engine.io response carries the security headers;
 * - when the node stops, every connected socket is sent `goodbye {reason: 'shutdown'}` and then
 *   closed by the server, which tells the client to reconnect (after a random pause) and resume.
 */
export class OperationsIoAdapter extends LeanIoAdapter {
  private readonly servers = new Set<Server>();

  constructor(
    private readonly application: INestApplication,
    private readonly config: AppConfig,
    selfWired: readonly string[],
  ) {
    super(application, selfWired);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // One engine carries every namespace, built from the options of whichever gateway Nest starts first
    // (it was /newsroom's 4 KB, which cut /live's 5 KB subscribes): its message limit is /live's, the
    // largest, and /newsroom holds its own lower one per message.
    const server = super.createIOServer(port, { ...options, maxHttpBufferSize: LIVE_MESSAGE_LIMIT } as ServerOptions);
    this.servers.add(server);
    const http = this.httpServer as HttpServer | undefined;
    const started = (request: TimedRequest) => {
      request[STARTED] = performance.now();
    };
    http?.prependListener('request', started);
    http?.prependListener('upgrade', started);
    server.engine.on('initial_headers', (headers: Record<string, string>, request: TimedRequest) => {
      const id = requestIdFor(request);
      headers['X-Request-Id'] = id;
      logHandshake(request, id, request._query?.transport === 'websocket' ? 101 : 200);
    });
    server.engine.on('headers', (headers: Record<string, string>, request: IncomingMessage) =>
      Object.assign(headers, this.securityHeaders(request)),
    );
    server.engine.on('connection_error', (error: { req: TimedRequest; code: number; message: string }) => {
      const upgrade = error.req.headers.upgrade !== undefined;
      const status = error.code === FORBIDDEN && !upgrade ? 403 : 400;
      logHandshake(error.req, requestIdFor(error.req), status, error.message);
    });
    this.limitSessions(server);
    return server;
  }

  /** Handshakes pass the session budgets (after the CORS middleware); every namespace's connects are counted. */
  private limitSessions(server: Server): void {
    const sessions = this.application.get(EngineSessions);
    server.engine.use((request: TimedRequest, response: EngineResponse, next: () => void) => {
      if (request._query?.sid !== undefined) return next();
      sessions.admit(request).then(
        (refusal) => (refusal ? this.refuse(request, response, refusal) : next()),
        () => next(),
      );
    });
    server.engine.on('connection', (session: Parameters<EngineSessions['opened']>[0]) => sessions.opened(session));
    const connects = socketConnectLimit(this.application.get(RequestLimits), this.config.trustedProxies);
    server.use(connects);
    server.sockets.on('new_namespace', (namespace: Server['sockets']) => namespace.use(connects));
  }

  /** A refused handshake: 429 in the one problem shape, with Retry-After, over either transport. */
  private refuse(request: TimedRequest, response: EngineResponse, refusal: RateLimited): void {
    const { status, headers, body } = problemOf(refusal)!;
    const id = requestIdFor(request);
    const head: Record<string, string> = {
      ...this.securityHeaders(request),
      ...headers,
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      'X-Request-Id': id,
    };
    // `code` as in a refused namespace connect's `data` (DESIGN §6, "Limits").
    const text = JSON.stringify({ ...body, code: refusal.kind });
    if (response instanceof ServerResponse) {
      response.writeHead(status, head).end(text);
    } else {
      // An upgrade: engine.io's stand-in for a response writes nothing, so the answer goes on the socket.
      const lines = Object.entries({ ...head, 'Content-Length': String(Buffer.byteLength(text)), Connection: 'close' });
      response.socket.on('error', () => undefined);
      response.socket.end(
        `HTTP/1.1 ${status} Too Many Requests\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${text}`,
      );
    }
    logHandshake(request, id, status, refusal.message);
  }

  /**
   * Nest closes the Socket.IO servers first when the app stops, then the HTTP server. Socket.IO's
   * close waits for the HTTP server to close, which waits for every keep-alive connection: those
   * busy with a request when the stop began go idle when it is answered, and would hold the process
   * for the keep-alive timeout (72 s), so they are closed as they go idle.
   */
  override async close(server: Server): Promise<void> {
    if (this.servers.delete(server)) {
      await sayGoodbye(server);
      const http = this.httpServer as HttpServer | undefined;
      if (http) closeIdleConnectionsUntilClosed(http);
    }
    return super.close(server);
  }

  /** engine.io's answers are data, never a page: nothing may frame, sniff or load from them. */
  private securityHeaders(request: IncomingMessage): Record<string, string> {
    return {
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      ...(servedOverHttps(request, this.config) ? { 'Strict-Transport-Security': HSTS } : {}),
    };
  }
}

function logHandshake(request: TimedRequest, id: string, statusCode: number, error?: string): void {
  request[ROUTE] = SOCKET_ROUTE;
  request.id = id;
  const started = request[STARTED];
  const responseTime = started === undefined ? null : Math.round(performance.now() - started);
  writeAccessLine(request, statusCode, responseTime, error ? { error } : {});
}

/**
 * `goodbye` to every socket of every namespace, then, once it has left (or after GOODBYE_FLUSH_MS),
 * the server closes each socket: Socket.IO clients do not reconnect by themselves after that, so a
 * client that hears goodbye reconnects, after a random pause, from the last revision it holds.
 */
async function sayGoodbye(server: Server): Promise<void> {
  const sockets = [...server._nsps.values()].flatMap((namespace) => [...namespace.sockets.values()]);
  if (sockets.length === 0) return;
  for (const socket of sockets) {
    socket.emit('goodbye', { reason: 'shutdown', message: 'this node is stopping; reconnect and resume' });
  }
  await Promise.all(sockets.map((socket) => flushed(socket)));
  for (const socket of sockets) socket.disconnect(true);
  PinoLogger.root?.info({ sockets: sockets.length }, `said goodbye to ${sockets.length} sockets`);
}

function flushed(socket: Socket): Promise<void> {
  const connection = socket.conn as unknown as { writeBuffer: unknown[] } & NodeJS.EventEmitter;
  if (socket.disconnected || connection.writeBuffer.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.off('drain', done);
      connection.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, GOODBYE_FLUSH_MS);
    connection.on('drain', done);
    connection.on('close', done);
  });
}

function closeIdleConnectionsUntilClosed(http: HttpServer): void {
  const sweep = setInterval(() => http.closeIdleConnections(), 50);
  sweep.unref();
  http.once('close', () => clearInterval(sweep));
}
