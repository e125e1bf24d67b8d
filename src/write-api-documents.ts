import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from './app.factory.js';
import { asyncApiDocument } from './asyncapi-document.js';
import { loadConfig } from './config/index.js';
import { openApiDocument } from './openapi-document.js';

/**
 * `npm run api:documents -- [folder]`: writes openapi.json and asyncapi.json (default folder:
 * `api/`) from the app itself, booted on an empty in-memory store and not listening, for tools
 * that want the documents as files (client generators, `redocly lint`). PUBLIC_URL names the
 * servers, as it does for /docs-json and /asyncapi.json.
 */
async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? 'api');
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-documents-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite::memory:',
    SEED: 'false',
    LOG_LEVEL: 'silent',
    CHECKPOINT_INTERVAL_S: '0',
  });
  const app = await createApp(config);
  app.useLogger(false);
  await app.init();
  try {
    const publicUrl = config.operations.publicUrl;
    const server = publicUrl
      ? { host: new URL(publicUrl).host, secure: publicUrl.startsWith('https:') }
      : { host: `localhost:${config.port}`, secure: false };
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'openapi.json'), `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
    writeFileSync(join(folder, 'asyncapi.json'), `${JSON.stringify(asyncApiDocument(app, server), null, 2)}\n`);
    process.stdout.write(`wrote ${join(folder, 'openapi.json')} and ${join(folder, 'asyncapi.json')}\n`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`dateline: ${(error as Error).message ?? error}\n`);
  process.exit(1);
});
