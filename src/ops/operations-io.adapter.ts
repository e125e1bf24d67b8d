import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { IoAdapter } from '@nestjs/platform-socket.io';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/config.js';
import { ROUTE, requestIdFor, type StampedRequest } from './access-log.js';
import { LeanIoAdapter } from '../shared/lean-io-adapter.js';
import { HSTS, servedOverHttps } from './http-hooks.js';

const SOCKET_ROUTE = '/socket.io/';
const STARTED = Symbol('dateline.started');
/** engine.io's code for a request its allowRequest refused (answered 403; any other error, 400). */
const FORBIDDEN = 4;

/** The Socket.IO that @nestjs/platform-socket.io runs (its own copy, not the app's). */
type Server = ReturnType<IoAdapter['createIOServer']>;
type ServerOptions = Parameters<IoAdapter['createIOServer']>[1];

type TimedRequest = StampedRequest & { [STARTED]?: number; _query?: Record<string, string> };

/**
 * Socket.IO as the app uses it (LeanIoAdapter), plus what operations need of it, outside the gateways:
 * - each handshake (and each refused engine request) gets an access log line and an X-Request-Id,
 *   like every HTTP request (engine.io answers them itself, so Fastify never sees them);
 * - every engine.io response carries the security headers.
 */
export class OperationsIoAdapter extends LeanIoAdapter {
  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
    selfWired: readonly string[],
  ) {
    super(app, selfWired);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
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
    return server;
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
  const logger = PinoLogger.root;
  if (!logger) return;
  request[ROUTE] = SOCKET_ROUTE;
  const started = request[STARTED];
  const line = {
    req: Object.assign(request, { id }),
    route: SOCKET_ROUTE,
    res: { statusCode },
    responseTime: started === undefined ? null : Math.round(performance.now() - started),
    ...(error ? { error } : {}),
  };
  const summary = `${request.method} ${SOCKET_ROUTE} ${statusCode}`;
  if (statusCode >= 400) logger.warn(line, summary);
  else logger.info(line, summary);
}
