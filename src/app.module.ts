import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClusterModule } from './cluster/cluster.module.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { LiveBlogModule } from './live-blog/live-blog.module.js';
import { NewsroomModule } from './newsroom/newsroom.module.js';
import { OpsModule } from './ops/ops.module.js';
import { PagesModule } from './pages/pages.module.js';
import { CheckpointSigningModule } from './proof/checkpoint-signer.js';
import { ProofModule } from './proof/proof.module.js';
import type { Clock } from './shared/clock.js';
import { ProblemDetailsFilter } from './shared/problem-details.filter.js';
import { SharedModule } from './shared/shared.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
            // Credentials never reach the logs: bearer tokens, the session cookie, and a renewed one.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
        }),
        SharedModule.forRoot(clock),
        EventStoreModule,
        CheckpointSigningModule,
        ClusterModule,
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
