import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type ErrorKind, type FieldProblem } from '../kernel/index.js';

/**
 * The one shape of every error answer (RFC 9457 problem details, DESIGN §4), served as
 * `application/problem+json`. `type` names the kind (`https://dateline.invalid/problems/<kind>`;
 * `about:blank` for a status no kind names), `title` is the status's phrase, `detail` says what
 * happened to this request. Extensions: `kind`; `errors` (every 400, and any answer that names a
 * field); `currentRevision` (412); `retryAfterSeconds` (429). `statusCode`, `error`, `message` and
 * `details` repeat the older shape for clients written against it (deprecated).
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly kind?: ErrorKind;
  readonly errors?: readonly FieldProblem[];
  readonly currentRevision?: number;
  readonly retryAfterSeconds?: number;
  /** @deprecated the same as `status` */
  readonly statusCode: number;
  /** @deprecated the same as `title` */
  readonly error: string;
  /** @deprecated the same as `detail` */
  readonly message: string;
  /** @deprecated `errors`, `currentRevision` and `retryAfterSeconds` say it in one shape */
  readonly details?: unknown;
}

/** A problem ready to send: its status, the headers it needs (ETag on 412, Retry-After on 429) and its body. */
export interface ProblemAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ProblemDetails;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Where a kind's problem type lives: a stable name, not a page to fetch (`.invalid` never resolves). */
const PROBLEM_TYPE_BASE = 'https://dateline.invalid/problems/';

const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  stale: HttpStatus.PRECONDITION_FAILED,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
  unsupported: HttpStatus.NOT_IMPLEMENTED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const KIND_OF_STATUS = new Map<number, ErrorKind>(
  Object.entries(STATUS_OF_KIND).map(([kind, status]) => [status, kind as ErrorKind]),
);

/** A field named where no body path names it: the body as a whole (it is not JSON, say). */
const WHOLE_BODY = '(body)';

/**
 * The answer to an exception: a DomainError by its kind, a Nest HttpException by its status, a
 * body parser's error (malformed JSON, too large, not JSON) by the status it carries. Anything
 * else is the server's fault: `undefined`, and the caller logs it and answers `internal()`.
 */
export function problemOf(exception: unknown): ProblemAnswer | undefined {
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  const status = statusOfLibraryError(exception);
  if (status === undefined) return undefined;
  const message = (exception as Error).message;
  return status === HttpStatus.BAD_REQUEST ? wholeBody(message) : answer(problem(status, message));
}

/** The answer when the server failed: nothing of the failure is told. */
export function internal(): ProblemAnswer {
  return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error'));
}

function fromDomainError(exception: DomainError): ProblemAnswer {
  const status = STATUS_OF_KIND[exception.kind];
  const details = exception.details;
  const extra: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const { currentRevision, retryAfterSeconds } = (details ?? {}) as Record<string, unknown>;
  if (exception.kind === 'stale' && typeof currentRevision === 'number') {
    extra.currentRevision = currentRevision;
    headers.ETag = `"${currentRevision}"`;
  }
  if (
    (exception.kind === 'rate_limited' || exception.kind === 'unavailable') &&
    typeof retryAfterSeconds === 'number'
  ) {
    extra.retryAfterSeconds = retryAfterSeconds;
    headers['Retry-After'] = String(retryAfterSeconds);
  }
  return answer(problem(status, exception.message, exception.errors, details, extra), headers);
}

function fromHttpException(exception: HttpException): ProblemAnswer {
  const body = exception.getResponse();
  const status = exception.getStatus();
  const raw = typeof body === 'object' && body !== null ? (body as { message?: unknown; details?: unknown }) : {};
  const text = typeof body === 'string' ? body : raw.message;
  const message = Array.isArray(text) ? text.join('; ') : String(text ?? exception.message);
  const errors = errorsOfDetails(raw.details, message);
  if (status === HttpStatus.BAD_REQUEST && !errors) return wholeBody(message);
  return answer(problem(status, message, errors, raw.details));
}

/** A 400 that names no field (a body that is not JSON, say) is about the body as a whole. */
function wholeBody(message: string): ProblemAnswer {
  return answer(
    problem(HttpStatus.BAD_REQUEST, message, [{ field: WHOLE_BODY, detail: message }], { field: WHOLE_BODY }),
  );
}

/** The older `details` shapes (`{field}`, `{fields: [{field, problems}]}`) as one list. */
function errorsOfDetails(details: unknown, message: string): FieldProblem[] | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { field, fields } = details as { field?: unknown; fields?: unknown };
  if (typeof field === 'string') return [{ field, detail: message }];
  if (!Array.isArray(fields)) return undefined;
  return fields.flatMap((entry: { field: string; problems?: string[] }) =>
    (entry.problems?.length ? entry.problems : [message]).map((detail) => ({ field: entry.field, detail })),
  );
}

/** Body parsers signal a too large or malformed body with a `status` of their own. */
function statusOfLibraryError(exception: unknown): number | undefined {
  const status =
    (exception as { status?: unknown; statusCode?: unknown } | null)?.statusCode ??
    (exception as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function problem(
  status: number,
  detail: string,
  errors?: readonly FieldProblem[],
  details?: unknown,
  extra: Record<string, unknown> = {},
): ProblemDetails {
  const kind = KIND_OF_STATUS.get(status);
  const title = titleOf(status);
  const fields = errors?.length || status === HttpStatus.BAD_REQUEST ? { errors: errors ?? [] } : {};
  return {
    type: kind ? `${PROBLEM_TYPE_BASE}${kind}` : 'about:blank',
    title,
    status,
    detail,
    ...(kind ? { kind } : {}),
    ...fields,
    ...extra,
    statusCode: status,
    error: title,
    message: detail,
    ...(details === undefined ? {} : { details }),
  };
}

function answer(body: ProblemDetails, headers: Record<string, string> = {}): ProblemAnswer {
  return { status: body.status, headers, body };
}

/** "Precondition Failed" from PRECONDITION_FAILED; "Error" for a status Nest does not name. */
function titleOf(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return 'Error';
  return name
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/(^|\s)\S/g, (c) => c.toUpperCase());
}
