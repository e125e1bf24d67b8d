import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { INSTANT_WITH_ZONE } from '../audit/index.js';
import { WholeNumber } from '../shared/index.js';
import { CHECKPOINT_FORMAT } from '../signing/index.js';

const INSTANT = 'an ISO 8601 instant with a time zone, such as 2026-04-08T17:37:00Z';
/** The highest revision any store keeps (PostgreSQL's is a 32-bit integer): past it a number is no revision. */
const MAX_REVISION = 2 ** 31 - 1;
const REVISION_RANGE = `revision must be a whole number from 0 to ${MAX_REVISION}`;

export class CheckpointQueryDto {
  @ApiPropertyOptional({ description: 'the checkpoint stored at or before this instant (else the newest)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: `at must be ${INSTANT}` })
  @Matches(INSTANT_WITH_ZONE, { message: `at must be ${INSTANT}` })
  at?: string;
}

export class EvidenceQueryDto {
  @ApiPropertyOptional({ description: 'the last revision the bundle holds (default: the head)' })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: 'revision must be a whole number from 0' })
  @Min(0, { message: 'revision must be a whole number from 0' })
  @Max(MAX_REVISION, { message: REVISION_RANGE })
  revision?: number;
}

/** A checkpoint as GET /checkpoint answers it, sent back to be verified. */
export class CheckpointDto {
  @ApiProperty({ enum: [CHECKPOINT_FORMAT], example: CHECKPOINT_FORMAT })
  @Equals(CHECKPOINT_FORMAT, { message: `format must be "${CHECKPOINT_FORMAT}"` })
  format!: typeof CHECKPOINT_FORMAT;

  @ApiProperty()
  @IsString({ message: 'keyId must be a string' })
  @IsNotEmpty({ message: 'keyId must not be empty' })
  keyId!: string;

  @ApiProperty()
  @IsString({ message: 'signature must be a string' })
  @IsNotEmpty({ message: 'signature must not be empty' })
  signature!: string;

  @ApiProperty()
  @IsString({ message: 'storeEpoch must be a string' })
  @IsNotEmpty({ message: 'storeEpoch must not be empty' })
  storeEpoch!: string;

  @ApiProperty()
  @IsString({ message: 'liveBlogId must be a string' })
  @IsNotEmpty({ message: 'liveBlogId must not be empty' })
  liveBlogId!: string;

  @ApiProperty()
  @IsInt({ message: 'revision must be a whole number from 0' })
  @Min(0, { message: 'revision must be a whole number from 0' })
  @Max(MAX_REVISION, { message: REVISION_RANGE })
  revision!: number;

  @ApiProperty({ description: 'sha256, lower-case hex' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be a sha256 in lower-case hex' })
  hash!: string;

  @ApiProperty()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'at must be an ISO 8601 instant' })
  at!: string;
}
