import { ApiProperty } from '@nestjs/swagger';
import type { SameShape } from '../shared/index.js';
import type { PresenceGateway, PresentEditor } from './presence.gateway.js';

/* The payloads of namespace /newsroom (DESIGN §5b), from which /asyncapi.json takes its schemas. */

/** What the gateway's `join` acknowledges with. */
type JoinAck = Parameters<NonNullable<Parameters<PresenceGateway['join']>[2]>>[0];

export class JoinRequestPayload {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;
}

class PresentEditorPayload implements PresentEditor {
  @ApiProperty({ example: 'rayhan-demytrie' })
  id!: string;

  @ApiProperty({ example: 'Rayhan Demytrie' })
  name!: string;
}

export class JoinedPayload {
  @ApiProperty({ enum: [true] })
  ok!: true;

  @ApiProperty({ type: [PresentEditorPayload], description: "the story's consoles, one entry per editor, by name" })
  editors!: PresentEditorPayload[];
}

class JoinErrorDetail {
  @ApiProperty({ enum: ['invalid', 'rate_limited'] })
  code!: 'invalid' | 'rate_limited';

  @ApiProperty({ enum: ['invalid', 'rate_limited'], description: 'the error kind, as on HTTP (DESIGN §4)' })
  kind!: 'invalid' | 'rate_limited';

  @ApiProperty({ example: 'liveBlogId must be a live blog id' })
  message!: string;
}

export class JoinRefusedPayload {
  @ApiProperty({ enum: [false] })
  ok!: false;

  @ApiProperty({ type: JoinErrorDetail })
  error!: JoinErrorDetail;
}

export class EditorsPayload {
  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ type: [PresentEditorPayload], description: 'sorted by name' })
  editors!: PresentEditorPayload[];
}

export class SignedOutPayload {
  @ApiProperty({ example: 'your session has ended; sign in again' })
  message!: string;
}

true satisfies SameShape<JoinedPayload | JoinRefusedPayload, JoinAck>;
true satisfies SameShape<PresentEditorPayload, PresentEditor>;
