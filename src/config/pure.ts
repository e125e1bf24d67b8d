/**
 * The config folder's second door: the settings and their parsing, without the Nest module, for
 * tools that run without a server (test/unit/proof-offline.spec.ts).
 */
export { APP_CONFIG, type AppConfig, ConfigError, loadConfig, type TokenSettings } from './config.js';
export type { WebhookSettings } from './webhook-settings.js';
export type { PublisherSettings } from './publisher-settings.js';
export type { ConnectionSettings } from './connection-settings.js';
export { QUESTIONS_WINDOW_SECONDS } from './reader-settings.js';
