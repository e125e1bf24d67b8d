import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/index.js';
import { seedIfEmpty } from './live-blog/index.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.init();
  if (config.seed) await seedIfEmpty(app);
  await app.listen(config.port, config.host);
  new Logger('Dateline').log(`serving on ${await app.getUrl()} (store ${config.eventStore.kind}, OpenAPI at /docs)`);
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `invalid setting: ${error.message}`
      : `failed to start: ${(error as Error).message ?? error}`;
  process.stderr.write(`dateline: ${message}\n`);
  process.exit(1);
});
