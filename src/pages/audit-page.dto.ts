import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { HistoryPointQueryDto } from '../audit/index.js';

/**
 * `/audit/:id/as-of`: the point, and which page: the readers' as it stood (`reader`, the default),
 * or the record, where updates retracted by then are shown struck through with their reason.
 */
export class AuditAsOfQueryDto extends HistoryPointQueryDto {
  @ApiPropertyOptional({ enum: ['reader', 'record'], default: 'reader' })
  @IsOptional()
  @IsIn(['reader', 'record'], { message: 'view must be reader or record' })
  view?: 'reader' | 'record';
}
