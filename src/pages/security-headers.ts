import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

type Headers = Readonly<Record<string, string>>;

/**
 * The headers helmet sets with these options, worked out once. They depend on no request, and
 * @fastify/helmet built helmet's middleware anew for every request (parsing the whole policy each
 * time): a sixth of an article GET's time (bench/article.ts, P4).
 */
export function helmetHeaders(options: HelmetOptions): Headers {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

/** An onRequest hook that puts the headers worked out for the request's path on its reply. */
export function securityHeadersHook(headersFor: (url: string) => Headers) {
  return (request: { readonly url: string }, reply: { headers(values: Headers): unknown }, done: () => void): void => {
    reply.headers(headersFor(request.url));
    done();
  };
}
