import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { type DestinationStream, stdSerializers } from 'pino';
import type { AppConfig } from '../config/config.js';

/**
 * What the access log knows of a request beyond the raw Node request: the route pattern it matched
 * and who made it. Fastify hooks write them onto the raw request (./http-hooks.ts), because pino-http
 * sees only that one; the socket adapter does the same for handshakes.
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
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * One line for every request, at its end: method, URL, route pattern, status, duration
 * (`responseTime`, ms), request id (`req.id`, also sent back as X-Request-Id) and, when it was
 * authenticated, the author. Logs written while a request is handled carry the same `req`.
 *
 * Why the middleware's default routes are replaced: nestjs-pino mounts it on `{/*splat}`, and
 * @fastify/middie 9.3 puts a slash in front of a path without one, so it was mounted on `/{/*splat}`,
 * which matches `/` alone: every other request went unlogged, and logs made while handling it had no
 * request. `/{*splat}` reads the same before and after that slash and matches every path.
 */
export function accessLogOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const id = requestIdFor(request);
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (request: IncomingMessage, response: ServerResponse) => summary(request, response),
    customErrorMessage: (request: IncomingMessage, response: ServerResponse) => summary(request, response),
    customSuccessObject: (request: IncomingMessage, _response: ServerResponse, value: object) =>
      withRouteAndAuthor(request, value),
    customErrorObject: (request: IncomingMessage, _response: ServerResponse, _error: Error, value: object) =>
      withRouteAndAuthor(request, value),
    // The status is all the line needs of the response; its headers repeat the same policy each time.
    wrapSerializers: false,
    serializers: {
      req: stdSerializers.req,
      res: (response: { statusCode?: unknown }) => ({ statusCode: response.statusCode }),
      err: stdSerializers.err,
    },
    redact: REDACTED,
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    forRoutes: [{ path: '/{*splat}', method: RequestMethod.ALL }],
  } as Params;
}

function routeOf(request: IncomingMessage): string | null {
  return (request as StampedRequest)[ROUTE] ?? null;
}

function summary(request: IncomingMessage, response: ServerResponse): string {
  return `${request.method} ${routeOf(request) ?? request.url} ${response.statusCode}`;
}

function withRouteAndAuthor(request: IncomingMessage, value: object): object {
  const author = (request as StampedRequest)[AUTHOR];
  return { ...value, route: routeOf(request), ...(author ? { author } : {}) };
}
