import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClusterModule } from './cluster/cluster.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { LimitsModule } from './limits/limits.module.js';
import { LiveBlogModule } from './live-blog/live-blog.module.js';
import { NewsroomModule } from './newsroom/newsroom.module.js';
import { accessLogOptions } from './ops/access-log.js';
import { OpsModule } from './ops/ops.module.js';
import { PagesModule } from './pages/pages.module.js';
import { CheckpointSigningModule } from './signing/checkpoint-signer.js';
import { ProofModule } from './proof/proof.module.js';
import { ProblemDetailsFilter } from './shared/problem-details.filter.js';
import { SharedModule } from './shared/shared.module.js';
import type { Clock } from './kernel/index.js';

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
        AuditModule,
        ProofModule,
        OpsModule,
        PagesModule,
        NewsroomModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
