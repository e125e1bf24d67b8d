import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, type DomainErrorKind } from '../kernel/index.js';

export interface Problem {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly details?: unknown;
}

const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, HttpStatus>> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  stale: HttpStatus.PRECONDITION_FAILED,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unsupported: HttpStatus.NOT_IMPLEMENTED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Kinds that tell the client when to come back (`details.retryAfterSeconds` → Retry-After). */
const RETRY_AFTER_KINDS: ReadonlySet<DomainErrorKind> = new Set(['rate_limited', 'unavailable']);

/** Every error leaves in one shape, {statusCode, error, message, details?} (DESIGN §4), from here only. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = this.adapterHost.httpAdapter;
    const response = host.switchToHttp().getResponse();
    const problem = this.toProblem(exception);
    if (exception instanceof DomainError) {
      const { currentRevision, retryAfterSeconds } = exception.details ?? {};
      if (exception.kind === 'stale') http.setHeader(response, 'ETag', `"${currentRevision}"`);
      if (RETRY_AFTER_KINDS.has(exception.kind) && retryAfterSeconds !== undefined)
        http.setHeader(response, 'Retry-After', String(retryAfterSeconds));
    }
    http.reply(response, problem, problem.statusCode);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return problem(STATUS_OF_KIND[exception.kind], exception.message, exception.details);
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = statusOfLibraryError(exception);
    if (status) return problem(status, (exception as Error).message);
    this.logger.error({ err: exception }, 'unhandled error');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error');
  }
}

function fromHttpException(exception: HttpException): Problem {
  const body = exception.getResponse();
  const statusCode = exception.getStatus();
  if (typeof body === 'object' && body !== null && 'details' in body) {
    const { message, details } = body as { message: string; details: unknown };
    return problem(statusCode, message, details);
  }
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return problem(statusCode, Array.isArray(message) ? message.join('; ') : String(message ?? exception.message));
}

/** Body parsers signal a too large or malformed body with a `status` of their own. */
function statusOfLibraryError(exception: unknown): number | undefined {
  const status =
    (exception as { status?: unknown; statusCode?: unknown } | null)?.statusCode ??
    (exception as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function problem(statusCode: number, message: string, details?: unknown): Problem {
  const error = HttpStatus[statusCode]
    ?.toString()
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/(^|\s)\S/g, (c) => c.toUpperCase());
  return { statusCode, error: error ?? 'Error', message, ...(details === undefined ? {} : { details }) };
}
