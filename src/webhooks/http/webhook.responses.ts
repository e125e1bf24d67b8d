import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SameShape } from '../../shared/index.js';
import type { WebhookCommands, WebhookSummary } from '../application/webhook-commands.js';
import type { DeliveryAttempt } from '../delivery/delivery-log.js';
import type { WebhookStatus } from '../domain/webhook-events.js';

/* The webhooks admin API's answers as /docs-json describes them (DESIGN §4d). */

const STATUSES: readonly WebhookStatus[] = ['active', 'failing', 'disabled'];

/** An endpoint as an admin sees it: never its secrets. */
export class WebhookSummaryResponse implements WebhookSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://partner.example/hooks/dateline' })
  url!: string;

  @ApiProperty({ type: [String], example: ['update.*', 'figures.revised'] })
  events!: readonly string[];

  @ApiProperty({ type: [String], nullable: true, description: 'only these stories; null for every story' })
  liveBlogIds!: readonly string[] | null;

  @ApiProperty({ enum: STATUSES })
  status!: WebhookStatus;

  @ApiPropertyOptional({ description: 'why it is failing or disabled' })
  statusReason?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;
}

/** A new endpoint: its summary and its signing secret, shown this once. */
export class RegisteredWebhookResponse extends WebhookSummaryResponse {
  @ApiProperty({ description: '`whsec_` + base64 of 32 random bytes: the Standard Webhooks signing secret' })
  secret!: string;
}

type Rotated = Awaited<ReturnType<WebhookCommands['rotateSecret']>>;

export class RotatedSecretResponse implements Rotated {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'signs from now on' })
  secret!: string;

  @ApiProperty({ format: 'date-time', description: 'the old secret signs beside it until then (24 h)' })
  previousValidUntil!: string;
}

export class DeliveryAttemptResponse implements DeliveryAttempt {
  @ApiProperty({ description: 'the `webhook-id` header: the same for every attempt of one message' })
  messageId!: string;

  @ApiProperty({ example: 'update.posted' })
  type!: string;

  @ApiProperty()
  liveBlogId!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({ type: 'integer' })
  durationMs!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the HTTP status; null when no answer came' })
  status!: number | null;

  @ApiProperty({ enum: ['delivered', 'failed', 'gone'] })
  outcome!: 'delivered' | 'failed' | 'gone';

  @ApiPropertyOptional()
  error?: string;

  @ApiPropertyOptional({ description: 'at most the first 256 bytes of the answer' })
  response?: string;
}

true satisfies SameShape<WebhookSummaryResponse, WebhookSummary>;
true satisfies SameShape<RegisteredWebhookResponse, WebhookSummary & { secret: string }>;
true satisfies SameShape<RotatedSecretResponse, Rotated>;
true satisfies SameShape<DeliveryAttemptResponse, DeliveryAttempt>;
