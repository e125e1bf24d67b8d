import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { sanitizeBody } from '../../shared/index.js';
import { MAX_ASKER_NAME_LENGTH, MAX_QUESTION_LENGTH } from '../domain/question-events.js';

/** A reader's question: the text rules of every other field (checked by the domain), and short. */
export class AskQuestionDto {
  @ApiProperty({ example: 'Aigul', description: `the name to print beside the answer; 1–${MAX_ASKER_NAME_LENGTH}` })
  @IsString({ message: 'name must be text' })
  @MaxLength(MAX_ASKER_NAME_LENGTH, { message: `name must be at most ${MAX_ASKER_NAME_LENGTH} characters` })
  name!: string;

  @ApiProperty({ example: 'Are the roads to Osh open?', description: `1–${MAX_QUESTION_LENGTH} characters` })
  @IsString({ message: 'text must be text' })
  @MaxLength(MAX_QUESTION_LENGTH, { message: `text must be at most ${MAX_QUESTION_LENGTH} characters` })
  text!: string;
}

/** Longest answer: with the quoted question it must still fit an update's body (10,000). */
const MAX_ANSWER_LENGTH = 6000;

export class AnswerQuestionDto {
  @ApiProperty({ description: 'the answer, in the safe markup subset of update bodies' })
  @IsString({ message: 'body must be text' })
  @MaxLength(MAX_ANSWER_LENGTH, { message: `body must be at most ${MAX_ANSWER_LENGTH} characters` })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? sanitizeBody(value) : value))
  body!: string;

  @ApiPropertyOptional({ description: "the update's own headline, one line" })
  @IsOptional()
  @IsString()
  headline?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  byline?: string;
}
