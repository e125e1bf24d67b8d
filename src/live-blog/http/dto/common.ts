import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional } from 'class-validator';
import { sanitizeBody } from '../../../shared/index.js';

/** Every write may carry the story's own date for the change; by default it is the server's now. */
export class DatedDto {
  @ApiPropertyOptional({
    description: 'ISO 8601 instant the story dates this change at (default: now)',
    example: '2010-04-08T17:37:00Z',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'at must be an ISO 8601 instant such as 2010-04-08T17:37:00Z' },
  )
  at?: string;
}

/**
 * Update bodies may carry a small safe markup subset; anything that could run in a reader's page
 * (scripts, event handlers, javascript: links, styles) is removed before the command is decided.
 */
export const SafeMarkup = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? sanitizeBody(value) : value));

export const UPDATE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
