import 'reflect-metadata';
import { createApp, type HttpPlatform } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/config.js';
import { seedIfEmpty } from '../../src/live-blog/import/seed.js';

/** The app with the reference story on a random port; tells the parent its URL over IPC. */
export async function serveForBench(platform: HttpPlatform): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, platform);
  app.useLogger(false);
  await app.init();
  await seedIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  process.send?.(await app.getUrl());
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
