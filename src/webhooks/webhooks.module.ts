import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { WebhookCommands } from './application/webhook-commands.js';
import { WebhookRegistry } from './application/webhook-registry.js';
import { WebhookDispatcher } from './delivery/webhook-dispatcher.js';
import { WebhookPayloads } from './delivery/webhook-payload.js';
import { WebhooksController } from './http/webhooks.controller.js';

/**
 * Outbound webhooks (DESIGN §4d): endpoints in the private `webhooks` stream, delivered from the
 * store feed by one worker per endpoint, on the node holding the endpoint's lease.
 */
@Module({
  imports: [LiveBlogModule],
  controllers: [WebhooksController],
  providers: [WebhookRegistry, WebhookCommands, WebhookPayloads, WebhookDispatcher],
})
export class WebhooksModule {}
