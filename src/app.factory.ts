import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { earlyAnswers, installHttpPipeline } from './http-pipeline.js';
import { LIVE_NAMESPACE } from './live-blog/index.js';
import { connectionsCheckingInterval, limitConnections, requestIdFor, OperationsIoAdapter } from './ops/index.js';
import { serveAsyncApi } from './asyncapi-document.js';
import { openApiDocument } from './openapi-document.js';
import type { AppConfig } from './config/index.js';
import type { Clock } from './kernel/index.js';
import { Metrics } from './shared/index.js';

interface AppOptions {
  /** Replaces the system clock (tests pin "now" with it). */
  readonly clock?: Clock;
  /** Replaces standard output for the logs (tests read the access log with it). */
  readonly logDestination?: DestinationStream;
}

/**
 * The whole app, configured the same way for `npm start`, the e2e tests and the benchmarks, on
 * Fastify (bench/http-platforms.ts compares it with Express, in a copy of its own).
 */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  // Fastify names each request: a valid incoming X-Request-Id, else a new UUID (the access log's `req.id`).
  const { connections } = config;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: requestIdFor,
    // The router's 400 and 414 and Node's 408, 431 and 400: headers, problem+json and an access line.
    ...earlyAnswers(config),
    // A slow body or slow headers are cut off (408), idle keep-alive and silent connections closed.
    requestTimeout: connections.requestTimeoutMs,
    keepAliveTimeout: connections.keepAliveTimeoutMs,
    connectionTimeout: connections.idleTimeoutMs,
    http: {
      headersTimeout: connections.headersTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(connections),
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.clock, options.logDestination),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      // A stopping node answers new requests 503 while those in flight finish (docs/design.md §8).
      return503OnClosing: true,
    },
  );
  await installHttpPipeline(app, config);
  // Open connections are capped per address and in all (CONNECTIONS_PER_ADDRESS, MAX_CONNECTIONS).
  const connectionsRefused = app.get(Metrics).connectionsRefused;
  limitConnections(app.getHttpAdapter().getInstance().server, config.connections, config.trustedProxies, (cap) =>
    connectionsRefused.inc({ cap }),
  );
  app.useLogger(app.get(Logger));
  // The readers' gateway wires its sockets itself (live.gateway.ts): Nest's wiring doubled a reader's memory.
  app.useWebSocketAdapter(new OperationsIoAdapter(app, config, [LIVE_NAMESPACE]));
  // SIGTERM: stop taking requests, finish those in flight, say goodbye to readers, close the store, exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  SwaggerModule.setup('docs', app, () => openApiDocument(app));
  serveAsyncApi(app, config.operations.publicUrl);
  return app;
}
