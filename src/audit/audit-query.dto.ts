import { InvalidCommand } from '../kernel/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { WholeNumber } from '../shared/index.js';
import type { HistoryPoint } from './audit.service.js';

/** An instant must say its time zone: "2010-04-08T17:37:00" alone would mean the server's local time. */
export const INSTANT_WITH_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export class EventsQueryDto {
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'fromRevision must be a whole number from 0' })
  @Min(0, { message: 'fromRevision must be a whole number from 0' })
  fromRevision?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;
}

/** A point in a story's history: a revision, an instant, or neither (the head). */
class HistoryPointQueryDto {
  @ApiPropertyOptional({
    description: 'the revision to stop at; give this or `at`, or neither for the head',
    example: 0,
  })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'revision must be a whole number from 0' })
  @Min(0, { message: 'revision must be a whole number from 0' })
  revision?: number;

  @ApiPropertyOptional({
    description: 'the instant: the state after the last event dated at or before it',
    example: '2010-04-08T17:37:00Z',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'at must be an ISO 8601 instant such as 2010-04-08T17:37:00Z' },
  )
  @Matches(INSTANT_WITH_ZONE, {
    message: 'at must be an ISO 8601 instant with a time zone, such as 2010-04-08T17:37:00Z',
  })
  at?: string;
}

export class AsOfQueryDto extends HistoryPointQueryDto {
  @ApiPropertyOptional({ description: "the record's updates posted before this revision (the previous page's cursor)" })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'beforeRevision must be a whole number from 0' })
  @Min(0, { message: 'beforeRevision must be a whole number from 0' })
  beforeRevision?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500, description: 'updates per page' })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500' })
  limit?: number;
}

/** The point of an as-of query: a revision, an instant, or neither (the head), but not both. */
export function historyPointOf(query: HistoryPointQueryDto): HistoryPoint {
  if (query.revision !== undefined && query.at !== undefined) {
    throw new InvalidCommand('give revision or at, not both', 'at');
  }
  return { revision: query.revision, at: query.at };
}

export class DiffQueryDto {
  @ApiProperty({ description: 'changes after this revision…', example: 0 })
  @WholeNumber()
  @IsInt({ message: 'from must be a whole number from 0' })
  @Min(0, { message: 'from must be a whole number from 0' })
  from!: number;

  @ApiProperty({ description: '…up to and including this one', example: 39 })
  @WholeNumber()
  @IsInt({ message: 'to must be a whole number from 0' })
  @Min(0, { message: 'to must be a whole number from 0' })
  to!: number;
}

export class FiguresQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv also with Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
