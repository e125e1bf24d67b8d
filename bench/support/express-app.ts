import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../../src/app.module.js';
import type { AppConfig } from '../../src/config/index.js';
import { LIVE_NAMESPACE } from '../../src/live-blog/index.js';
import { OperationsIoAdapter } from '../../src/ops/index.js';
import { JsonBodyInterceptor, validationPipe } from '../../src/shared/index.js';

/**
 * The app on Express, for bench/http-platforms.ts only: the same modules, guard, filter,
 * interceptor and pipe as src/app.factory.ts, but none of the Fastify hooks of
 * src/http-pipeline.ts (no access log, security headers, per-address limit or article fast path:
 * the comparison is of the platforms under Nest's router), and no pages.
 */
export async function createExpressApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new ExpressAdapter(), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
    return503OnClosing: true,
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.disable('x-powered-by');
  app.set('etag', false);
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new OperationsIoAdapter(app, config, [LIVE_NAMESPACE]));
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  app.useGlobalPipes(validationPipe());
  return app;
}
