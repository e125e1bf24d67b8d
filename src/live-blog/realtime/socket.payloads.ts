import type { ErrorKind } from '../../kernel/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SameShape } from '../../shared/index.js';
import { ArticleViewResponse } from '../http/responses/article.response.js';
import { PublicEventResponse } from '../http/responses/changes.response.js';
import type {
  Goodbye,
  LiveError,
  LiveErrorCode,
  ReadersCount,
  Resume,
  SubscribeRequest,
  SubscribedWithArticle,
  SubscribedWithEvents,
  UnsubscribeAck,
} from './live-events.js';

/*
 * The payloads of namespace /live (DESIGN §5) as classes, from which /asyncapi.json takes its
 * schemas. Each states that it has the members of the type the gateway and the client compile
 * against (./live-events.ts), so the document cannot drift from the sockets.
 */

const LIVE_ERROR_CODES = [
  'invalid',
  'not_found',
  'rate_limited',
  'too_many_subscriptions',
  'unavailable',
] as const satisfies readonly LiveErrorCode[];

export class SubscribeRequestPayload implements SubscribeRequest {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: -1,
    description: "the revision the page shows (the article view's, or the last event's); absent for a new reader",
  })
  afterRevision?: number;

  @ApiPropertyOptional({ description: "the store's epoch the page last saw; another one means: redraw" })
  epoch?: string;
}

export class UnsubscribeRequestPayload {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;
}

class LiveErrorDetail {
  @ApiProperty({
    enum: LIVE_ERROR_CODES,
    description:
      '`rate_limited` and `unavailable`: ask again after a growing, jittered wait; `invalid`, `not_found` ' +
      'and `too_many_subscriptions`: asking again does not help',
  })
  code!: LiveErrorCode;

  @ApiProperty({
    required: false,
    type: String,
    description: 'the error kind, as on HTTP (DESIGN §4); absent from nodes older than the kinds',
  })
  kind?: ErrorKind;

  @ApiProperty({ example: 'no live blog "nowhere"' })
  message!: string;
}

export class LiveErrorPayload implements LiveError {
  @ApiProperty({ enum: [false] })
  ok!: false;

  @ApiProperty({ type: LiveErrorDetail })
  error!: LiveErrorDetail;
}

/** A new reader, or one whose gap cannot be replayed safely: draw the article. */
export class SubscribedWithArticlePayload implements SubscribedWithArticle {
  @ApiProperty({ enum: [true] })
  ok!: true;

  @ApiProperty()
  epoch!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty({ type: ArticleViewResponse })
  article!: ArticleViewResponse;

  @ApiPropertyOptional({ enum: [false], description: 'present when the reader asked to resume and could not' })
  recovered?: false;
}

/** A reconnecting reader: exactly the events after its `afterRevision`, to apply in the ack callback itself. */
export class SubscribedWithEventsPayload implements SubscribedWithEvents {
  @ApiProperty({ enum: [true] })
  ok!: true;

  @ApiProperty()
  epoch!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty({ type: [PublicEventResponse] })
  events!: PublicEventResponse[];

  @ApiProperty({ enum: [true] })
  recovered!: true;
}

export class UnsubscribedPayload {
  @ApiProperty({ enum: [true] })
  ok!: true;
}

export class ReadersCountPayload implements ReadersCount {
  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: "the story's readers on every node" })
  count!: number;
}

export class GoodbyePayload implements Goodbye {
  @ApiProperty({ enum: ['slow_consumer', 'shutdown'] })
  reason!: 'slow_consumer' | 'shutdown';

  @ApiProperty()
  message!: string;
}

export class ResumePayload implements Resume {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  liveBlogId!: string;

  @ApiProperty({ description: 'Events up to this revision may not all have reached you', minimum: 0 })
  revision!: number;
}

true satisfies SameShape<SubscribeRequestPayload, SubscribeRequest>;
true satisfies SameShape<LiveErrorPayload, LiveError>;
true satisfies SameShape<SubscribedWithArticlePayload, SubscribedWithArticle>;
true satisfies SameShape<SubscribedWithEventsPayload, SubscribedWithEvents>;
true satisfies SameShape<UnsubscribedPayload | LiveErrorPayload, UnsubscribeAck>;
true satisfies SameShape<ReadersCountPayload, ReadersCount>;
true satisfies SameShape<GoodbyePayload, Goodbye>;
true satisfies SameShape<ResumePayload, Resume>;
true satisfies SameShape<LiveErrorCode, (typeof LIVE_ERROR_CODES)[number]>;
