import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Params, PinoLogger } from 'nestjs-pino';
import { type DestinationStream, stdSerializers } from 'pino';
import type { AppConfig } from '../config/index.js';

/**
 * What the access log knows of a request beyond the raw Node request: the route pattern it matched
 * and who made it. Fastify hooks write them onto the raw request (./http-hooks.ts), from which the
 * line is written; the socket adapter does the same for handshakes.
 */
export const ROUTE = Symbol('dateline.route');
export const AUTHOR = Symbol('dateline.author');

export interface StampedRequest extends IncomingMessage {
  [ROUTE]?: string | null;
  [AUTHOR]?: { readonly id: string; readonly name: string; readonly role: string };
}

/** An incoming X-Request-Id is kept when it looks like an id (a UUID, a ULID, a trace id), else one is made. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Credentials never reach the logs: bearer tokens, the session cookie (and a renewed one), the CSRF
 * token. Bodies, where a password travels, are never logged at all.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** The request being handled, for the lines logged meanwhile (`mixin` below). */
const requests = new AsyncLocalStorage<StampedRequest>();

/**
 * The app's logger (nestjs-pino's root, pino underneath): level, serializers and the redaction
 * above. No HTTP middleware of nestjs-pino's is mounted (`forRoutes` is empty): the access log is
 * written by Fastify hooks (`accessLogContext`, `accessLogLine`, placed by src/http-pipeline.ts),
 * because the middleware (middie, Nest's middleware wrapper, a child logger with the request
 * serialised for every request, whether its line is written or not) cost a quarter of a cached
 * article GET (bench/article.ts, P4).
 */
export function accessLogOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    // pino-http would wrap these to read its own fields of a Node response; lines pass their own values.
    wrapSerializers: false,
    serializers: {
      req: stdSerializers.req,
      // The status is all the line needs of the response; its headers repeat the same policy each time.
      res: (response: { statusCode?: unknown }) => ({ statusCode: response.statusCode }),
      err: stdSerializers.err,
    },
    redact: REDACTED,
    // A line logged while a request is handled names it; the access line passes the whole request.
    mixin: () => {
      const request = requests.getStore();
      return request ? { req: { id: request.id, method: request.method, url: request.url } } : {};
    },
  };
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: [] } as Params;
}

/**
 * onRequest, the app's first hook: logs written while a request is handled (an exception's, say)
 * carry its `req` (id, method, URL), because the request is kept in an async context of its own
 * from here on, around every later hook, guard and handler.
 */
export function accessLogContext(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const raw = request.raw as StampedRequest;
  raw.id = request.id;
  requests.run(raw, done);
}

/**
 * onResponse: one line for every request Fastify answers, at its end: method, URL, route pattern,
 * status, duration (`responseTime`, ms), request id (`req.id`, also sent back as X-Request-Id) and,
 * when it was authenticated, the author; 5xx at level error, 4xx at warn, the rest at info. Nothing
 * is built for a line the log level leaves out.
 */
export function accessLogLine(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  writeAccessLine(request.raw, reply.raw.statusCode, Math.round(reply.elapsedTime));
  done();
}

/**
 * The access line of one request, an HTTP request's or a socket handshake's (the socket adapter
 * answers those itself): the same shape and levels for both, nothing built when the level leaves it out.
 */
export function writeAccessLine(
  request: IncomingMessage,
  statusCode: number,
  responseTimeMs: number | null,
  extra: object = {},
): void {
  const root = PinoLogger.root;
  const level = statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
  if (!root?.isLevelEnabled(level)) return;
  const line = withRouteAndAuthor(request, {
    req: request,
    res: { statusCode },
    responseTime: responseTimeMs,
    ...extra,
  });
  root[level](line, `${request.method} ${routeOf(request) ?? request.url} ${statusCode}`);
}

function routeOf(request: IncomingMessage): string | null {
  return (request as StampedRequest)[ROUTE] ?? null;
}

function withRouteAndAuthor(request: IncomingMessage, value: object): object {
  const author = (request as StampedRequest)[AUTHOR];
  return { ...value, route: routeOf(request), ...(author ? { author } : {}) };
}
