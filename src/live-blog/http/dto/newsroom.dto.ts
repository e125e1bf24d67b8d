import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { UPDATE_ID_PATTERN } from './common.js';
import { PostUpdateDto } from './update.dto.js';

/** A change to a scheduled update: any of its fields and its time; null takes an optional field away. */
export class ChangeScheduledUpdateDto extends PartialType(OmitType(PostUpdateDto, ['at', 'updateId'] as const)) {}

export class CancelScheduledUpdateDto {
  @ApiPropertyOptional({ example: 'the embargo was lifted early' })
  @IsOptional()
  @IsString()
  reason?: string;
}

/** A contributor's copy: the fields of an update, neither dated nor scheduled (the editor who approves it decides). */
export class SubmitUpdateDto extends OmitType(PostUpdateDto, ['at', 'updateId', 'publishAt'] as const) {
  @ApiPropertyOptional({ description: 'made by the server when omitted' })
  @IsOptional()
  @Matches(UPDATE_ID_PATTERN, { message: 'submissionId must be 1 to 100 letters, digits, - or _' })
  submissionId?: string;
}

/** Approval with optional edits: absent fields keep the contributor's text, null takes an optional one away. */
export class ApproveSubmissionDto extends PartialType(OmitType(PostUpdateDto, ['at', 'publishAt'] as const)) {}

export class RejectSubmissionDto {
  @ApiProperty({ example: 'not confirmed by a second source' })
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

export const SUBMISSION_STATUSES = ['pending', 'approved', 'rejected', 'all'] as const;

export class SubmissionsQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES, { message: `status must be one of ${SUBMISSION_STATUSES.join(', ')}` })
  status?: (typeof SUBMISSION_STATUSES)[number];
}
