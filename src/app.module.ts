import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/index.js';
import { AuthModule } from './auth/index.js';
import { ClusterModule } from './cluster/index.js';
import { type AppConfig, ConfigModule } from './config/index.js';
import { EventStoreModule } from './event-store/index.js';
import { LimitsModule } from './limits/index.js';
import { LiveBlogModule } from './live-blog/index.js';
import { NewsroomModule } from './newsroom/index.js';
import { accessLogOptions, OpsModule } from './ops/index.js';
import { PagesModule } from './pages/index.js';
import { CheckpointSigningModule } from './signing/index.js';
import { ProofModule } from './proof/index.js';
import { HTTP_PIPELINE_PROVIDERS } from './http-pipeline.js';
import { SharedModule } from './shared/index.js';
import { SchedulingModule } from './scheduling/index.js';
import { PushModule } from './push/index.js';
import { QuestionsModule } from './questions/index.js';
import { SyndicationModule } from './syndication/index.js';
import type { Clock } from './kernel/index.js';
import { WebhooksModule } from './webhooks/index.js';

@Module({})
export class AppModule {
  /** `logDestination` replaces standard output for the logs (tests read the access log with it). */
  static forRoot(config: AppConfig, clock?: Clock, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(accessLogOptions(config, logDestination)),
        SharedModule.forRoot(clock),
        EventStoreModule,
        CheckpointSigningModule,
        ClusterModule,
        LimitsModule,
        AuthModule,
        LiveBlogModule,
        SchedulingModule,
        AuditModule,
        ProofModule,
        SyndicationModule,
        OpsModule,
        PagesModule,
        NewsroomModule,
        WebhooksModule,
        QuestionsModule,
        PushModule,
      ],
      providers: HTTP_PIPELINE_PROVIDERS,
    };
  }
}
