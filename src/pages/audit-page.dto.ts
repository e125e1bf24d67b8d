import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AsOfQueryDto } from '../audit/index.js';
import { WholeNumber } from '../shared/index.js';

/**
 * `/audit/:id/as-of`: the point, which page: the readers' as it stood (`reader`, the default),
 * or the record, where updates retracted by then are shown struck through with their reason, and
 * which of its pages of updates (`beforeRevision`, `limit`, as in the API's as-of, but at most 100
 * a page: rendering takes far longer than JSON, and a page is rendered in one go).
 */
export class AuditAsOfQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 100, description: 'updates per page' })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  declare limit?: number;

  @ApiPropertyOptional({ enum: ['reader', 'record'], default: 'reader' })
  @IsOptional()
  @IsIn(['reader', 'record'], { message: 'view must be reader or record' })
  view?: 'reader' | 'record';
}
