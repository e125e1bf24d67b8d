import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { ScheduledPublisher } from './scheduled-publisher.js';

/** Publishes scheduled updates at their time, on every node, once in all (DESIGN §3b). */
@Module({
  imports: [LiveBlogModule],
  providers: [ScheduledPublisher],
})
export class SchedulingModule {}
