import 'reflect-metadata';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/config.js';
import { seedIfEmpty } from '../../src/live-blog/import/seed.js';
import { createExpressApp } from './express-app.js';

export type HttpPlatform = 'express' | 'fastify';

/** The app with the reference story on a random port; tells the parent its URL over IPC. */
export async function serveForBench(platform: HttpPlatform): Promise<void> {
  const config = loadConfig();
  const app = platform === 'express' ? await createExpressApp(config) : await createApp(config);
  app.useLogger(false);
  await app.init();
  await seedIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  answerMemoryRequests();
  process.send?.(await app.getUrl());
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

/** The replies to the IPC requests 'memory' and 'cpu' (bench/push.ts reads these). */
export type MemoryReply = { readonly memory: NodeJS.MemoryUsage };
export type CpuReply = { readonly cpu: NodeJS.CpuUsage };

/**
 * Answers 'memory' with process.memoryUsage() after full collections (given --expose-gc), so
 * that a parent measures what a load retains, and 'cpu' with process.cpuUsage().
 */
export function answerMemoryRequests(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() } satisfies CpuReply);
    if (message !== 'memory') return;
    // Twice: the first pass may only queue finalizers whose objects the second one frees.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    process.send?.({ memory: process.memoryUsage() } satisfies MemoryReply);
  });
}
