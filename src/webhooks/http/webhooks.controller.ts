import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/index.js';
import { CurrentAuthor, Roles } from '../../auth/index.js';
import type { Author } from '../../kernel/index.js';
import { WebhookCommands, type WebhookSummary } from '../application/webhook-commands.js';
import type { DeliveryAttempt } from '../delivery/delivery-log.js';
import { DeliveriesQueryDto, RegisterWebhookDto } from './webhook.dto.js';
import {
  DeliveryAttemptResponse,
  RegisteredWebhookResponse,
  RotatedSecretResponse,
  WebhookSummaryResponse,
} from './webhook.responses.js';

/** An id in the path: a UUID, else 404 as for an unknown one (the id names nothing either way). */
const WebhookId = () => Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 }));

/** Admins register endpoints that receive signed Standard Webhooks (DESIGN §4d). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@ApiProblemResponses(429)
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookCommands) {}

  @Post()
  @ApiOperation({
    summary: 'Register an endpoint; the answer carries its signing secret, shown this once',
    operationId: 'registerWebhook',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookResponse })
  @ApiProblemResponses(400)
  register(
    @Body() dto: RegisterWebhookDto,
    @CurrentAuthor() admin: Author,
  ): Promise<WebhookSummary & { secret: string }> {
    return this.webhooks.register(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List the endpoints (never their secrets)', operationId: 'listWebhooks' })
  @ApiOkResponse({ type: [WebhookSummaryResponse] })
  list(): Promise<WebhookSummary[]> {
    return this.webhooks.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One endpoint: its status and, when failing or disabled, why', operationId: 'getWebhook' })
  @ApiOkResponse({ type: WebhookSummaryResponse })
  @ApiProblemResponses(404)
  get(@WebhookId() id: string): Promise<WebhookSummary> {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint: nothing more is sent to it', operationId: 'deleteWebhook' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiProblemResponses(404)
  delete(@WebhookId() id: string, @CurrentAuthor() admin: Author): Promise<void> {
    return this.webhooks.delete(id, admin);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'The latest delivery attempts, newest first: time, status, duration, outcome',
    operationId: 'listWebhookDeliveries',
  })
  @ApiOkResponse({ type: [DeliveryAttemptResponse] })
  @ApiProblemResponses(400, 404)
  deliveries(@WebhookId() id: string, @Query() query: DeliveriesQueryDto): Promise<DeliveryAttempt[]> {
    return this.webhooks.deliveries(id, query.limit ?? 100);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate the secret: the new one signs from now, the old one beside it for 24 h',
    operationId: 'rotateWebhookSecret',
  })
  @ApiOkResponse({ type: RotatedSecretResponse })
  @ApiProblemResponses(404)
  rotate(@WebhookId() id: string, @CurrentAuthor() admin: Author) {
    return this.webhooks.rotateSecret(id, admin);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send to a failing or disabled endpoint again, from the first event it has not received',
    operationId: 'resumeWebhook',
  })
  @ApiOkResponse({ type: WebhookSummaryResponse })
  @ApiProblemResponses(404)
  resume(@WebhookId() id: string, @CurrentAuthor() admin: Author): Promise<WebhookSummary> {
    return this.webhooks.resume(id, admin);
  }
}
