import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FIGURE_QUALIFIERS, type FigureQualifier } from '../../domain/index.js';
import { Integer, WholeNumber } from '../../../shared/index.js';
import { DatedDto, UPDATE_ID_PATTERN } from './common.js';

class FigureDto {
  @ApiProperty({ example: 75 })
  @IsInt({ message: 'count must be a whole number' })
  @Min(0, { message: 'count must not be negative' })
  count!: number;

  @ApiProperty({ enum: FIGURE_QUALIFIERS })
  @IsIn(FIGURE_QUALIFIERS, { message: `qualifier must be one of ${FIGURE_QUALIFIERS.join(', ')}` })
  qualifier!: FigureQualifier;
}

export class CasualtyFiguresDto extends DatedDto {
  @ApiPropertyOptional({ type: FigureDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FigureDto)
  dead?: FigureDto;

  @ApiPropertyOptional({ type: FigureDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FigureDto)
  injured?: FigureDto;

  @ApiProperty({ example: 'Health ministry' })
  @IsString()
  @IsNotEmpty()
  source!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  scope?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  note?: string;
}

export class TimelineEntryDto extends DatedDto {
  @ApiPropertyOptional({ description: 'made by the server when omitted' })
  @IsOptional()
  @Matches(UPDATE_ID_PATTERN, { message: 'entryId must be 1 to 100 letters, digits, - or _' })
  entryId?: string;

  @ApiProperty({ example: 'March 2005' })
  @IsString()
  @IsNotEmpty()
  period!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  text!: string;
}

class CoordinatesDto {
  @ApiProperty({ example: 42.87 })
  @IsLatitude({ message: 'lat must be a latitude' })
  lat!: number;

  @ApiProperty({ example: 74.59 })
  @IsLongitude({ message: 'lon must be a longitude' })
  lon!: number;
}

export class LocationStatusDto extends DatedDto {
  @ApiProperty({ example: 'Opposition in control' })
  @IsString()
  @IsNotEmpty()
  status!: string;

  @ApiPropertyOptional({ type: CoordinatesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatesDto)
  coordinates?: CoordinatesDto;
}

export class UpdatesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(0)
  beforeRevision?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ default: -1, description: 'the revision the client holds; events after it are returned' })
  @IsOptional()
  @Integer()
  @IsInt({ message: 'afterRevision must be an integer' })
  @Min(-1, { message: 'afterRevision must be -1 or more' })
  afterRevision?: number;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be 1 or more' })
  @Max(500, { message: 'limit must be 500 or less' })
  limit?: number;
}
