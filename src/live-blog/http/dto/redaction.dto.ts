import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
import { REDACTABLE_FIELDS, REFERENCE_PATTERN, type RedactableField } from '../../domain/index.js';

export class RedactUpdateDto {
  @ApiProperty({ enum: REDACTABLE_FIELDS, isArray: true, example: ['body'] })
  @IsArray({ message: `fields must be a list of ${REDACTABLE_FIELDS.join(', ')}` })
  @ArrayNotEmpty({ message: 'fields must name at least one field' })
  @ArrayMaxSize(REDACTABLE_FIELDS.length, { message: 'fields must name each field once' })
  @ArrayUnique({ message: 'fields must name each field once' })
  @IsIn(REDACTABLE_FIELDS, { each: true, message: `fields must be among ${REDACTABLE_FIELDS.join(', ')}` })
  fields!: RedactableField[];

  @ApiProperty({
    description: 'the legal reference, shown where the text was: "[redacted: <reference>]"',
    example: 'Court order 2010/117',
  })
  @IsString({ message: 'reference must be text' })
  @Matches(REFERENCE_PATTERN, {
    message:
      "reference must be 1 to 120 letters, digits, spaces and . , : ; / # ( ) ' _ -, starting with a letter or digit",
  })
  reference!: string;

  @ApiProperty({ description: 'why, for auditors only', example: 'Names a minor' })
  @IsString({ message: 'reason must be text' })
  reason!: string;
}
