import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

class PushKeysDto {
  @ApiProperty({ description: 'base64url, an uncompressed P-256 point (65 bytes)' })
  @IsString({ message: 'keys.p256dh must be text' })
  @MaxLength(100)
  p256dh!: string;

  @ApiProperty({ description: 'base64url, 16 bytes' })
  @IsString({ message: 'keys.auth must be text' })
  @MaxLength(40)
  auth!: string;
}

/** A browser's `PushSubscription.toJSON()`, as the Push API makes it. */
export class PushSubscriptionDto {
  @ApiProperty({ example: 'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA…' })
  @IsString({ message: 'endpoint must be text' })
  @MaxLength(2000)
  endpoint!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'ignored: push services say when a subscription ends',
  })
  @IsOptional()
  @IsNumber()
  expirationTime?: number | null;

  @ApiProperty({ type: PushKeysDto })
  @IsObject({ message: 'keys must be an object with p256dh and auth' })
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys!: PushKeysDto;
}

export class PushUnsubscriptionDto {
  @ApiProperty()
  @IsString({ message: 'endpoint must be text' })
  @MaxLength(2000)
  endpoint!: string;
}
