import { ApiProperty } from '@nestjs/swagger';

/** A question taken (202): nothing of it is public yet. */
export class QuestionTakenResponse {
  @ApiProperty({ description: 'the question, for the desk' })
  questionId!: string;
}

/** The story's questions for its editors, newest first (ETag: the questions' revision). */
export class QuestionListResponse {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ description: "the revision of the story's questions" })
  revision!: number;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '{questionId, name, text, askedAt, status, …}',
  })
  questions!: object[];
}

/** What an answer, a dismissal or a purge did (DESIGN §4e). */
export class QuestionOutcomeResponse {
  @ApiProperty({ description: 'the question it concerns' })
  questionId!: string;
}
