import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, ValidateNested } from 'class-validator';
import { UPDATE_KINDS, type UpdateKind } from '../../domain/index.js';
import { DatedDto, SafeMarkup, UPDATE_ID_PATTERN } from './common.js';

class MediaDto {
  @ApiProperty({ example: 'https://news.bbcimg.co.uk/media/images/47584000/gif/_47584441_kyrgyzstan_map.gif' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'media.url must be an https URL' })
  url!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  caption?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  credit?: string;
}

export class PostUpdateDto extends DatedDto {
  @ApiPropertyOptional({ description: 'made by the server when omitted' })
  @IsOptional()
  @Matches(UPDATE_ID_PATTERN, { message: 'updateId must be 1 to 100 letters, digits, - or _' })
  updateId?: string;

  @ApiProperty({ enum: UPDATE_KINDS })
  @IsIn(UPDATE_KINDS, { message: `kind must be one of ${UPDATE_KINDS.join(', ')}` })
  kind!: UpdateKind;

  @ApiPropertyOptional({
    example: 'Gunfire in Bishkek after nightfall',
    description: 'one line, at most 120 characters',
  })
  @IsOptional()
  @IsString()
  headline?: string;

  @ApiProperty({
    description: 'plain text or a safe markup subset (p, br, b, i, em, strong, a[https], lists, blockquote)',
  })
  @SafeMarkup()
  @IsString()
  @IsNotEmpty()
  body!: string;

  @ApiPropertyOptional({ example: 'Rayhan Demytrie, BBC News, Bishkek' })
  @IsOptional()
  @IsString()
  byline?: string;

  @ApiPropertyOptional({ example: 'Iskander Asanaliev, Bishkek citizen' })
  @IsOptional()
  @IsString()
  attribution?: string;

  @ApiPropertyOptional({ example: 'Bishkek' })
  @IsOptional()
  @IsString()
  location?: string;

  @ApiPropertyOptional({ example: 'Reuters, quoting the interior ministry' })
  @IsOptional()
  @IsString()
  sources?: string;

  @ApiPropertyOptional({ description: 'when the development itself happened, if not when it was posted' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'occurredAt must be an ISO 8601 instant' })
  occurredAt?: string;

  @ApiPropertyOptional({ type: MediaDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaDto)
  media?: MediaDto;

  @ApiPropertyOptional({
    description: 'publish later, at this instant (at most 30 days ahead): the answer says status "scheduled"',
    example: '2010-04-08T18:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'publishAt must be an ISO 8601 instant' })
  publishAt?: string;
}

export class CorrectUpdateDto extends DatedDto {
  @ApiProperty()
  @SafeMarkup()
  @IsString()
  @IsNotEmpty()
  body!: string;

  @ApiProperty({ example: 'The town was Talas, not Naryn' })
  @IsString()
  @IsNotEmpty()
  reason!: string;

  @ApiPropertyOptional({
    example: 'Gunfire in Talas after nightfall',
    description: 'a new headline; omitted, the update keeps its own',
  })
  @IsOptional()
  @IsString()
  headline?: string;
}

export class RetractUpdateDto extends DatedDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  reason!: string;
}
