import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

class FieldProblemSchema {
  @ApiProperty({ description: 'a body path (`dead.count`), a header (`If-Match`) or a query parameter (`limit`)' })
  field!: string;

  @ApiProperty({ description: 'what is wrong with it' })
  detail!: string;
}

/** The OpenAPI description of every error answer (./problem-details.ts, DESIGN §4). */
class ProblemDetails {
  @ApiProperty({ example: 'https://dateline.invalid/problems/invalid', description: 'the kind, as a URI' })
  type!: string;

  @ApiProperty({ example: 'Bad Request', description: "the status's phrase" })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'kind must be one of the following values: report, breaking, …' })
  detail!: string;

  @ApiPropertyOptional({ example: 'invalid', description: 'the kind, as in socket acks' })
  kind?: string;

  @ApiPropertyOptional({ type: [FieldProblemSchema], description: 'on every 400: the fields at fault' })
  errors?: FieldProblemSchema[];

  @ApiPropertyOptional({ description: 'on 412: the revision to read (also the ETag)' })
  currentRevision?: number;

  @ApiPropertyOptional({ description: 'on 429: seconds to wait (also Retry-After)' })
  retryAfterSeconds?: number;

  @ApiProperty({ deprecated: true, description: 'the same as status' })
  statusCode!: number;

  @ApiProperty({ deprecated: true, description: 'the same as title' })
  error!: string;

  @ApiProperty({ deprecated: true, description: 'the same as detail' })
  message!: string;

  @ApiPropertyOptional({
    deprecated: true,
    type: 'object',
    additionalProperties: true,
    description: 'the older shapes of errors and the rest',
  })
  details?: unknown;
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'the request is malformed: `errors` names every field at fault',
  401: 'no credentials, or credentials that are no good',
  403: 'these credentials may not do this',
  404: 'no such live blog (or update)',
  409: 'the request contradicts the story (closed, already done)',
  412: 'If-Match names an older revision: `currentRevision` and the ETag say which to read',
  413: 'the body is larger than the server takes (BODY_LIMIT_KB)',
  415: 'the body is not JSON',
  422: 'the Idempotency-Key already answered another request',
  429: 'a budget is spent: Retry-After says when to come back',
  501: 'this store or format cannot do it',
  503: 'the node cannot answer now: retry',
};

/** The problem answers a route may give, each described by the one ProblemDetails schema. */
export function ApiProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails, FieldProblemSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'an error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetails) } } },
      }),
    ),
  );
}
