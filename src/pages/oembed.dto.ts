import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { WholeNumber } from '../shared/index.js';

/** The consumer's request (oembed.com §2.2). */
export class OEmbedQueryDto {
  @ApiProperty({ description: 'a story (/live/:id) or update (/live/:id/updates/:updateId) address of this site' })
  @IsString({ message: 'url must be the address of a story' })
  @IsNotEmpty({ message: 'url must be the address of a story' })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ default: 'json', description: 'json; xml is answered 501' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'maxwidth must be a whole number of pixels' })
  @Min(1, { message: 'maxwidth must be 1 or more' })
  maxwidth?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'maxheight must be a whole number of pixels' })
  @Min(1, { message: 'maxheight must be 1 or more' })
  maxheight?: number;
}
