import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN, ACCOUNT_ROLES } from '../accounts/index.js';

export class AddAccountDto {
  @ApiProperty({ example: 'ann', description: '2 to 40 lower-case letters, digits, dots, dashes or underscores' })
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 2 to 40 lower-case letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({ example: 'Ann Editor' })
  @IsString()
  @Length(1, DISPLAY_NAME_MAX)
  displayName!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  @IsIn(ACCOUNT_ROLES)
  role!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password!: string;
}
