import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.js';
import { seedIfEmpty } from '../../src/live-blog/import/seed.js';
import { signToken } from './tokens.js';
import type { Clock } from '../../src/kernel/index.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface TestApp {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly store: EventStore;
  readonly config: AppConfig;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  token(role: 'editor' | 'contributor' | 'auditor' | 'admin', name?: string): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Load the reference story from events/ (as `npm start` does on an empty store). */
  readonly seed?: boolean;
  /** An SQLite file shared with another app; `:memory:` by default. */
  readonly storePath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the app reads "now" (the system clock unless given). */
  readonly clock?: Clock;
  /** Receives the app's logs (LOG_LEVEL info unless env says otherwise); silent without it. */
  readonly logs?: DestinationStream;
}

/** The real app on 127.0.0.1 port 0 over a real SQLite store (`:memory:` unless a file is given). */
export async function startApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    EVENT_STORE: `sqlite:${options.storePath ?? ':memory:'}`,
    AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: options.logs ? 'info' : 'silent',
    ...options.env,
  });
  const app = await createApp(config, { clock: options.clock, logDestination: options.logs });
  if (!options.logs) app.useLogger(false);
  await app.init();
  if (options.seed) await seedIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    http: request(app.getHttpServer()),
    store: app.get<EventStore>(EVENT_STORE),
    token: (role, name = 'Rayhan Demytrie') =>
      signToken(TEST_SECRET, { sub: name.toLowerCase().replace(/\W+/g, '-'), name, role }),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The app of a `describe` block: started before its first test and closed after its last
 * (`const t = startedApp({ seed: true })` in place of the beforeAll/afterAll pair). Use it in hooks
 * and tests; options given as a function are read when the app starts (after earlier beforeAlls).
 */
export function startedApp(options: TestAppOptions | (() => TestAppOptions) = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startApp(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const current = (): TestApp => {
    if (!started) throw new Error('the app starts in beforeAll: use it in a hook or a test');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get http() {
      return current().http;
    },
    get store() {
      return current().store;
    },
    get config() {
      return current().config;
    },
    get url() {
      return current().url;
    },
    token: (role, name) => current().token(role, name),
    close: () => current().close(),
  };
}
