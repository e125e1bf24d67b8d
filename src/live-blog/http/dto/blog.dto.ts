import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { LIVE_BLOG_ID_PATTERN } from '../../application/stream-names.js';
import { DatedDto } from './common.js';

export class OpenLiveBlogDto extends DatedDto {
  @ApiPropertyOptional({ description: 'slug; made from the title when omitted', example: 'kyrgyzstan-2010-04-08' })
  @IsOptional()
  @Matches(LIVE_BLOG_ID_PATTERN, { message: 'id must be a slug of 3 to 80 characters: a-z, 0-9 and -' })
  id?: string;

  @ApiProperty({ example: 'Kyrgyzstan President Bakiyev refuses to resign' })
  @IsString()
  @IsNotEmpty()
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  summary?: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  language?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsOptional()
  @IsString()
  timeZone?: string;
}

export class ChangeHeadlineDto extends DatedDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  title!: string;
}

export class ReviseSummaryDto extends DatedDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  summary!: string;
}

export class CloseLiveBlogDto extends DatedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  reason?: string;
}
