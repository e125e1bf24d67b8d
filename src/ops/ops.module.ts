import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LiveBlogModule } from '../live-blog/index.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

@Module({
  imports: [TerminusModule, LiveBlogModule],
  controllers: [HealthController, MetricsController],
})
export class OpsModule {}
