import { ApiProperty } from '@nestjs/swagger';

/** The server's VAPID public key (URL-safe base64), a browser's `applicationServerKey`. */
export class VapidPublicKeyResponse {
  @ApiProperty()
  publicKey!: string;
}

/** A subscription kept: the story it follows and the endpoint that names it. */
export class PushSubscribedResponse {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ description: "the push service's endpoint: DELETE names the subscription by it" })
  endpoint!: string;
}
