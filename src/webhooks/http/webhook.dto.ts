import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIVE_BLOG_ID_PATTERN } from '../../live-blog/index.js';
import { WholeNumber } from '../../shared/index.js';
import { WEBHOOK_TYPES } from '../domain/webhook-types.js';

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://partner.example/hooks/dateline', description: 'http(s); a public host' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    example: ['update.*', 'figures.revised'],
    description: `types (${WEBHOOK_TYPES.join(', ')}), families (update.*) or *`,
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  events!: string[];

  @ApiPropertyOptional({ example: ['kyrgyzstan-2010-04-08'], description: 'only these stories (all when left out)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(LIVE_BLOG_ID_PATTERN, { each: true, message: 'each of liveBlogIds must be a story id (a slug)' })
  liveBlogIds?: string[];
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be 1 or more' })
  @Max(500, { message: 'limit must be 500 or less' })
  limit?: number;
}
