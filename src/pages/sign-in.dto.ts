import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX } from '../accounts/index.js';

/** The sign-in form. Loose on purpose: an empty field is answered on the form, not as a JSON 400. */
export class SignInFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  next?: string;
}
