import { ApiProperty } from '@nestjs/swagger';

/** The updates waiting for their time (GET …/scheduled, DESIGN §3b). */
export class ScheduledListResponse {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ description: 'the story revision the list was read at' })
  revision!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'soonest first: {updateId, publishAt, kind, body, …, scheduledBy, scheduledAt, changed}',
  })
  scheduled!: object[];
}

/** Contributors' submissions (GET …/submissions, DESIGN §3b). */
export class SubmissionsListResponse {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ description: 'the story revision the list was read at' })
  revision!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'in the order filed: {submissionId, kind, body, …, contributor, submittedAt, status, decision}',
  })
  submissions!: object[];
}
