import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../shared/index.js';
import { PushSubscribedResponse, VapidPublicKeyResponse } from './push.responses.js';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { clientAddress } from '../../kernel/index.js';
import { LiveBlogIdPipe } from '../../live-blog/index.js';
import { PushSubscriptions } from '../application/push-subscriptions.js';
import { PushNotifications } from '../delivery/push-notifications.js';
import { PushSubscriptionDto, PushUnsubscriptionDto } from './push.dto.js';

/** "Follow this story": readers' browsers subscribe to key developments with Web Push (DESIGN §4f). */
@ApiTags('push')
@Controller('api')
export class PushController {
  constructor(
    private readonly subscriptions: PushSubscriptions,
    private readonly notifications: PushNotifications,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('push/vapid-public-key')
  @ApiOperation({
    summary: "The server's VAPID public key: a browser's applicationServerKey",
    operationId: 'getVapidPublicKey',
  })
  @ApiOkResponse({ type: VapidPublicKeyResponse })
  @ApiProblemResponses(429)
  vapidPublicKey() {
    return { publicKey: this.notifications.vapid.publicKey };
  }

  @Post('live-blogs/:id/push-subscriptions')
  @HttpCode(201)
  @ApiOperation({
    summary: "Follow a live story's key events and breaking news: a PushSubscription's JSON",
    operationId: 'subscribeToPush',
  })
  @ApiCreatedResponse({ type: PushSubscribedResponse })
  @ApiProblemResponses(400, 404, 409, 429)
  subscribe(@Param('id', LiveBlogIdPipe) id: string, @Body() dto: PushSubscriptionDto, @Req() request: FastifyRequest) {
    const address = clientAddress({ address: request.ip, headers: request.headers }, this.config.trustedProxies);
    return this.subscriptions.subscribe(id, dto, address);
  }

  @Delete('live-blogs/:id/push-subscriptions')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Stop following: the body names the subscription by its endpoint',
    operationId: 'unsubscribeFromPush',
  })
  @ApiNoContentResponse({ description: 'no longer followed' })
  @ApiProblemResponses(400, 404)
  async unsubscribe(@Param('id', LiveBlogIdPipe) id: string, @Body() dto: PushUnsubscriptionDto): Promise<void> {
    await this.subscriptions.unsubscribe(id, dto.endpoint);
  }
}
