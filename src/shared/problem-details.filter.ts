import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { internal, PROBLEM_CONTENT_TYPE, type ProblemAnswer, problemOf } from './problem-details.js';

/**
 * Every error a route, guard, pipe, interceptor or body parser raises leaves here, as RFC 9457
 * problem details (./problem-details.ts, DESIGN §4): the kind decides the status; a 412 carries
 * the current ETag, a 429 its Retry-After. It knows no feature, only the kinds of src/kernel.
 * Pages answer their own errors as pages (PageAuthFilter, the pages' 404s).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const answer = problemOf(exception) ?? this.unhandled(exception);
    sendProblem(this.adapterHost.httpAdapter, host.switchToHttp().getResponse(), answer);
  }

  private unhandled(exception: unknown): ProblemAnswer {
    this.logger.error({ err: exception }, 'unhandled error');
    return internal();
  }
}

interface ReplyAdapter {
  setHeader(response: unknown, name: string, value: string): unknown;
  reply(response: unknown, body: unknown, status?: number): unknown;
}

/** Sends a problem through Nest's adapter: its headers, the problem+json type, the body. */
function sendProblem(http: ReplyAdapter, response: unknown, answer: ProblemAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) http.setHeader(response, name, value);
  http.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
  http.reply(response, answer.body, answer.status);
}

/**
 * For a Fastify hook that refuses a request before Nest's router (the per-address limit): the same
 * answer the filter would give for this exception.
 */
export function replyWithProblem(
  reply: { code(status: number): unknown; header(name: string, value: string): unknown; send(body: unknown): unknown },
  exception: unknown,
): unknown {
  const answer = problemOf(exception) ?? internal();
  for (const [name, value] of Object.entries(answer.headers)) reply.header(name, value);
  reply.header('Content-Type', PROBLEM_CONTENT_TYPE);
  reply.code(answer.status);
  return reply.send(answer.body);
}
