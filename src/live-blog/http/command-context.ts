import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { CommandContext } from '../application/command-handler.js';
import { type Author, InvalidCommand } from '../../kernel/index.js';

type Request = {
  headers: Record<string, string | string[] | undefined>;
  author: Author;
  id?: unknown;
  method: string;
  url: string;
  body?: unknown;
};

/** The command's context from the request: author (token), If-Match, Idempotency-Key, correlation id. */
export const Context = createParamDecorator((_: unknown, execution: ExecutionContext): CommandContext => {
  const request = execution.switchToHttp().getRequest<Request>();
  const ifMatch = header(request, 'if-match');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    throw new InvalidCommand('Idempotency-Key must be 1 to 200 visible ASCII characters', 'Idempotency-Key');
  }
  return {
    author: request.author,
    expectedRevision: ifMatch === undefined ? undefined : parseIfMatch(ifMatch),
    idempotencyKey,
    requestHash: idempotencyKey === undefined ? undefined : requestHashOf(request),
    correlationId: correlationIdOf(request) ?? (typeof request.id === 'string' ? request.id : undefined),
  };
});

/** The request as the client sent it (route and body), before the server fills in any id. */
function requestHashOf(request: Request): string {
  const canonical = canonicalize({ method: request.method, url: request.url, body: request.body ?? null }) ?? '';
  return createHash('sha256').update(canonical).digest('hex');
}

/** Stored with every event: an id from a tracing header (W3C traceparent, a UUID), never free text. */
const CORRELATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:/+=-]{0,127}$/;

function correlationIdOf(request: Request): string | undefined {
  const value = header(request, 'x-correlation-id');
  if (value === undefined || CORRELATION_ID.test(value)) return value;
  const message = 'X-Correlation-Id must be 1 to 128 letters, digits and . _ : / + = - (a letter or digit first)';
  throw new InvalidCommand(message, 'X-Correlation-Id');
}

function parseIfMatch(value: string): number {
  const match = /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(value.trim());
  if (!match) {
    throw new InvalidCommand('If-Match must be a revision such as "12" (the ETag you read)', 'If-Match');
  }
  return Number(match[1]);
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
