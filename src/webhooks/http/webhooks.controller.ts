import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAuthor, Roles } from '../../auth/index.js';
import type { Author } from '../../kernel/index.js';
import { WebhookCommands, type WebhookSummary } from '../application/webhook-commands.js';
import type { DeliveryAttempt } from '../delivery/delivery-log.js';
import { DeliveriesQueryDto, RegisterWebhookDto } from './webhook.dto.js';

/** An id in the path: a UUID, else 404 as for an unknown one (the id names nothing either way). */
const WebhookId = () => Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 }));

/** Admins register endpoints that receive signed Standard Webhooks (DESIGN §4d). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookCommands) {}

  @Post()
  @ApiOperation({ summary: 'Register an endpoint; the answer carries its signing secret, shown this once' })
  register(
    @Body() dto: RegisterWebhookDto,
    @CurrentAuthor() admin: Author,
  ): Promise<WebhookSummary & { secret: string }> {
    return this.webhooks.register(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List the endpoints (never their secrets)' })
  list(): Promise<WebhookSummary[]> {
    return this.webhooks.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One endpoint: its status and, when failing or disabled, why' })
  get(@WebhookId() id: string): Promise<WebhookSummary> {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint: nothing more is sent to it' })
  delete(@WebhookId() id: string, @CurrentAuthor() admin: Author): Promise<void> {
    return this.webhooks.delete(id, admin);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The latest delivery attempts, newest first: time, status, duration, outcome' })
  deliveries(@WebhookId() id: string, @Query() query: DeliveriesQueryDto): Promise<DeliveryAttempt[]> {
    return this.webhooks.deliveries(id, query.limit ?? 100);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the secret: the new one signs from now, the old one beside it for 24 h' })
  rotate(@WebhookId() id: string, @CurrentAuthor() admin: Author) {
    return this.webhooks.rotateSecret(id, admin);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send to a failing or disabled endpoint again, from the first event it has not received' })
  resume(@WebhookId() id: string, @CurrentAuthor() admin: Author): Promise<WebhookSummary> {
    return this.webhooks.resume(id, admin);
  }
}
