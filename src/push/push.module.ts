import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { PushRegistry } from './application/push-registry.js';
import { PushSubscriptions } from './application/push-subscriptions.js';
import { PushDispatcher } from './delivery/push-dispatcher.js';
import { PushNotifications } from './delivery/push-notifications.js';
import { PushController } from './http/push.controller.js';

/**
 * "Follow this story" (DESIGN §4f): subscriptions in the private `push-subscriptions` stream, and
 * one sender per cluster (a lease) that reads the store feed and sends key events and breaking updates.
 */
@Module({
  imports: [LiveBlogModule],
  controllers: [PushController],
  providers: [PushRegistry, PushSubscriptions, PushNotifications, PushDispatcher],
})
export class PushModule {}
