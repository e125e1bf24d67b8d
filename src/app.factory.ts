import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { LIVE_NAMESPACE } from './live-blog/index.js';
import {
  connectionsCheckingInterval,
  limitConnections,
  registerAccessLog,
  requestIdFor,
  registerOperationsHooks,
  OperationsIoAdapter,
} from './ops/index.js';
import { configurePages } from './pages/index.js';
import type { AppConfig } from './config/index.js';
import { JsonBodyInterceptor, validationPipe } from './shared/index.js';
import type { Clock } from './kernel/index.js';

export type HttpPlatform = 'express' | 'fastify';

/**
 * The whole app, configured the same way for `npm start`, the e2e tests and the benchmarks.
 * Fastify serves by default: it answered the article GET about 2.7 times as fast as Express
 * (bench/http-platforms.ts); Express stays selectable for that comparison. `clock` replaces the
 * system clock (tests pin "now" with it); `logDestination` standard output (tests read the logs).
 */
export async function createApp(
  config: AppConfig,
  platform: HttpPlatform = 'fastify',
  clock?: Clock,
  logDestination?: DestinationStream,
): Promise<INestApplication> {
  const app = await NestFactory.create(
    AppModule.forRoot(config, clock, logDestination),
    httpAdapter(platform, config),
    {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: platform === 'fastify',
      // A stopping node answers new requests 503 while those in flight finish (docs/design.md §8).
      return503OnClosing: true,
    },
  );
  if (platform === 'express') {
    const express = app as NestExpressApplication;
    express.useBodyParser('json', { limit: config.bodyLimitBytes });
    express.disable('x-powered-by');
    express.set('etag', false);
  }
  if (platform === 'fastify') {
    const fastify = app.getHttpAdapter().getInstance();
    // First of the app's hooks: every request, whatever answers it, gets its access line.
    registerAccessLog(fastify);
    // Commands are JSON: a text/plain body is refused with 415 rather than read as a string.
    (fastify as { removeContentTypeParser(type: string): void }).removeContentTypeParser('text/plain');
    // The HTML pages (views/, public/) and the security headers are served on Fastify only; Express stays for benchmarks.
    await configurePages(app as NestFastifyApplication);
    registerOperationsHooks(fastify, config);
    limitConnections(fastify.server, config.connections, config.trustedProxies);
  }
  app.useLogger(app.get(Logger));
  // The readers' gateway wires its sockets itself (live.gateway.ts): Nest's wiring doubled a reader's memory.
  app.useWebSocketAdapter(new OperationsIoAdapter(app, config, [LIVE_NAMESPACE]));
  app.useGlobalInterceptors(new JsonBodyInterceptor());
  app.useGlobalPipes(validationPipe());
  // SIGTERM: stop taking requests, finish those in flight, say goodbye to readers, close the store, exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi()));
  return app;
}

/** Fastify names each request: a valid incoming X-Request-Id, else a new UUID (the access log's `req.id`). */
function httpAdapter(platform: HttpPlatform, config: AppConfig) {
  if (platform === 'express') return new ExpressAdapter();
  const { connections } = config;
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: requestIdFor,
    // A slow body or slow headers are cut off (408), idle keep-alive and silent connections closed.
    requestTimeout: connections.requestTimeoutMs,
    keepAliveTimeout: connections.keepAliveTimeoutMs,
    connectionTimeout: connections.idleTimeoutMs,
    http: {
      headersTimeout: connections.headersTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(connections),
    },
  });
}

function openApi() {
  return new DocumentBuilder()
    .setTitle('Dateline')
    .setDescription('Event-sourced live blogs: readers, editors and auditors (DESIGN §4)')
    .setVersion('1')
    .addBearerAuth()
    .build();
}
