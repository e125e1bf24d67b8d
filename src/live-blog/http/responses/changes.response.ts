import { ApiProperty } from '@nestjs/swagger';
import { type SameShape } from '../../../shared/index.js';
import { SignedCheckpointResponse } from '../../../signing/index.js';
import type { CommandResult } from '../../application/command-handler.js';
import { LIVE_BLOG_EVENT_TYPES } from '../../domain/index.js';
import type { ChangesPage } from '../../realtime/change-feed.js';
import type { PublicEvent, PushedEvent } from '../../realtime/live-events.js';

/** One stored event as readers see it: the change feed's and a socket catch-up's (DESIGN §5). */
export class PublicEventResponse implements PublicEvent {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  revision!: number;

  @ApiProperty({ type: 'integer', description: "the event's place in the store, never reused" })
  position!: number;

  @ApiProperty({ type: String, enum: LIVE_BLOG_EVENT_TYPES, description: 'a newer server may add types' })
  type!: string;

  @ApiProperty({ format: 'date-time', description: "the story's own time of the event" })
  at!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "the event's data (DESIGN §3), never a reason for a retraction or a redaction; an update retracted " +
      'since is `{updateId, retracted: true}`; a redaction carries `text`, the placeholder to show',
  })
  data!: Record<string, unknown>;
}

/** A pushed event also carries the signed checkpoint at its revision. */
export class PushedEventResponse extends PublicEventResponse implements PushedEvent {
  @ApiProperty({ type: SignedCheckpointResponse })
  checkpoint!: SignedCheckpointResponse;

  @ApiProperty({
    description:
      "the story's previous event readers were sent; the revisions between are the newsroom's own (a gap only " +
      'when it is above the revision you hold)',
    minimum: -1,
    required: false,
  })
  afterRevision?: number;
}

/** A page of the change feed. */
export class ChangesPageResponse implements ChangesPage {
  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ description: "the store's epoch: another one means the store was replaced; redraw" })
  epoch!: string;

  @ApiProperty({ type: 'integer', minimum: -1 })
  afterRevision!: number;

  @ApiProperty({ type: 'integer', description: "the story's head when the page was read; also the ETag" })
  revision!: number;

  @ApiProperty({ type: [PublicEventResponse], description: 'oldest first' })
  events!: PublicEventResponse[];

  @ApiProperty({ type: 'integer', description: 'pass as `afterRevision` for the next page or poll' })
  nextAfterRevision!: number;

  @ApiProperty()
  hasMore!: boolean;

  @ApiProperty({ type: SignedCheckpointResponse, nullable: true })
  checkpoint!: SignedCheckpointResponse | null;
}

/** What an editor's write answers (201, with the new revision as ETag). */
export class WriteResultResponse implements Omit<CommandResult, 'appended'> {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ type: 'integer', description: "the story's revision after the write" })
  revision!: number;

  @ApiProperty({ type: 'integer', description: "the last event's place in the store" })
  position!: number;
}

true satisfies SameShape<PublicEventResponse, PublicEvent>;
true satisfies SameShape<PushedEventResponse, PushedEvent>;
true satisfies SameShape<ChangesPageResponse, ChangesPage>;
true satisfies SameShape<WriteResultResponse, Omit<CommandResult, 'appended'>>;
