import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import type { Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthGuard } from './auth/index.js';
import type { AppConfig } from './config/index.js';
import { addressLimit, RequestLimits } from './limits/index.js';
import { ArticleViews, articleFastPath } from './live-blog/index.js';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  accessLogContext,
  accessLogLine,
  operationsHeaders,
  requestIdFor,
  stampRequest,
  writeAccessLine,
} from './ops/index.js';
import { configurePages, PageCache, readerPageFastPath, securityHeaders } from './pages/index.js';
import {
  JsonBodyInterceptor,
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsFilter,
  problemOf,
  replyWithProblem,
  validationPipe,
} from './shared/index.js';

/**
 * The app's global guard and exception filter, made by Nest's injector (they need its providers),
 * declared here so that the whole pipeline reads in this one file; AppModule lists them.
 */
export const HTTP_PIPELINE_PROVIDERS: Provider[] = [
  // Guard (after the hooks below, before interceptors and pipes): routes marked @Roles need a bearer
  // token or a session of that role; it also spends the author's write budget (WRITE_RATE_LIMIT).
  { provide: APP_GUARD, useExisting: AuthGuard },
  // Filter (whatever a guard, interceptor, pipe, handler or body parser throws): one problem+json shape.
  { provide: APP_FILTER, useClass: ProblemDetailsFilter },
];

/**
 * Every hook, interceptor and pipe of the HTTP side, in the order a request meets them (DESIGN §8).
 * Fastify runs hooks of one kind in the order they are added, so the order of these lines is the
 * behaviour: the access log wraps everything, the rate limit runs before any work, the article
 * fast path answers after both. Before any of them run Nest's own hooks, added when the adapter is
 * made: 503 with `Connection: close` once the node is stopping (`return503OnClosing`), then its
 * unused CORS and security hooks. Sockets (/live, /newsroom) have their own checks in their adapter
 * and gateways.
 */
export async function installHttpPipeline(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();

  // onRequest 1: the request's async context, so every log line written while handling it names it.
  fastify.addHook('onRequest', accessLogContext);
  // onResponse: its access line, whatever answered (a route, an asset, a hook's 429, a 404, an error).
  fastify.addHook('onResponse', accessLogLine);

  // Body parsing: commands are JSON; a text/plain body is refused with 415 rather than read as a string.
  fastify.removeContentTypeParser('text/plain');

  // onRequest 2: cookies parsed (the sign-in session's), for the guard and the pages.
  await app.register(fastifyCookie);
  // onRequest 3: the security headers (CSP, nosniff, frame denial…), on every answer, errors and 429s included.
  fastify.addHook('onRequest', securityHeaders(config));
  // Routes of their own, not hooks: templates (views/) and static assets (public/ at /assets/).
  await configurePages(app);
  // onRequest 4: X-Request-Id back on every answer, and the route pattern for the access line.
  fastify.addHook('onRequest', stampRequest);
  // onSend: author for the access line, HSTS over https, `private, no-store` for signed-in callers.
  fastify.addHook('onSend', operationsHeaders(config));

  // onRequest 5: READ_RATE_LIMIT per client address, before routing and before the body is read,
  // so a flood costs one counter each; its 429 is a problem like any other, with Retry-After.
  if (config.limits.requestsPerAddress > 0) {
    fastify.addHook('onRequest', addressLimit(app.get(RequestLimits), config.trustedProxies));
  }
  // onRequest 6: an anonymous reader's article GET answered from the cached bytes, without Nest's
  // router, guard, interceptor and pipe; after the rate limit, so a flood of them is still counted.
  fastify.addHook('onRequest', articleFastPath(app.get(ArticleViews)));
  // onRequest 7: the same for the reader's page (`GET /live/:id`), once rendered at the story's revision.
  fastify.addHook('onRequest', readerPageFastPath(app.get(ArticleViews), app.get(PageCache)));

  // Nest's router, then the guard (HTTP_PIPELINE_PROVIDERS above), then:
  // Interceptor: a parsed body no consumer can take (a lone surrogate, JSON nested too deep) is
  // refused before any pipe walks it.
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  // Pipe: DTO validation (whitelist, forbid unknown fields, transform query numbers); every field at fault named.
  app.useGlobalPipes(validationPipe());
}

/**
 * The answers Fastify and Node give before any hook runs, made like every other (DESIGN §8): the
 * router's 400 (a path that is not valid percent-encoding) and 414 (a path parameter over its
 * length), and Node's own refusals of a connection (408 for a request not received within
 * REQUEST_TIMEOUT_MS or the headers timeout, 431 for headers too large, 400 for a request that is
 * not HTTP) each carry the security headers and an X-Request-Id, answer problem+json, and get
 * their access line.
 */
export function earlyAnswers(config: AppConfig) {
  const headersHook = securityHeaders(config);
  const headersFor = (url: string) => {
    let headers: Readonly<Record<string, string>> = {};
    headersHook({ url }, { headers: (values) => (headers = values) }, () => undefined);
    return headers;
  };
  const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const raw = request.raw as IncomingMessage & { id?: string };
    raw.id = request.id;
    reply.raw.once('finish', () => writeAccessLine(raw, reply.raw.statusCode, Math.round(reply.elapsedTime)));
    reply.headers(headersFor(request.url)).header('X-Request-Id', request.id);
    replyWithProblem(reply, error);
  };
  const clientErrorHandler = (error: NodeJS.ErrnoException, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = STATUS_CODES[status] ?? 'Bad Request';
    // The request Node was reading when it gave up, when it had read its head; else what little is known.
    const incoming = (socket as { parser?: { incoming?: IncomingMessage | null } }).parser?.incoming;
    const request = (incoming ?? { method: undefined, url: undefined, headers: {}, socket }) as IncomingMessage & {
      id?: string;
    };
    // Fastify named a request it had begun to handle (the access log context); keep that name.
    request.id ??= requestIdFor(request);
    const body = JSON.stringify(problemOf(Object.assign(new Error(message.toLowerCase()), { status }))?.body);
    if (socket.writable) {
      const head = {
        ...headersFor(request.url ?? '/'),
        'x-request-id': request.id,
        'content-type': PROBLEM_CONTENT_TYPE,
        'content-length': String(Buffer.byteLength(body)),
        connection: 'close',
      };
      const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(`HTTP/1.1 ${status} ${message}\r\n${lines.join('')}\r\n${body}`);
    }
    writeAccessLine(request, status, null, { error: error.code ?? error.message });
    socket.destroy(error);
  };
  return { frameworkErrors, clientErrorHandler };
}
