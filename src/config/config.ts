import { resolve } from 'node:path';
import { type ConnectionSettings, parseConnectionSettings } from './connection-settings.js';
import { type EmbedSettings, parseEmbedSettings } from './embed-settings.js';
import { type OperationsSettings, parseOperationsSettings } from './operations-settings.js';
import { parseWebhookSettings, type WebhookSettings } from './webhook-settings.js';
import { type PublisherSettings, parsePublisherSettings } from './publisher-settings.js';
import { type PushSettings, type QuestionSettings, parseReaderSettings } from './reader-settings.js';

/** The one place that reads process.env: every setting typed and validated at start (DESIGN §7). */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: EventStoreSetting;
  /**
   * How long one round trip to a networked store may take, connecting included, before the request
   * is answered 503 (STORE_TIMEOUT_MS).
   */
  readonly storeTimeoutMs: number;
  /** Events of one story between two snapshots of its view; 0 for none (SNAPSHOT_EVERY, DESIGN §2). */
  readonly snapshotEvery: number;
  /** Stories whose whole folded state a node keeps in memory; the others are loaded on demand (LIVE_BLOGS_IN_MEMORY, DESIGN §2). */
  readonly liveBlogsInMemory: number;
  /** `sessionSecret` signs sign-in sessions; without it AUTH_SECRET does, or the secret file under DATA_DIR. */
  readonly auth: { readonly secret?: string; readonly publicKey?: string; readonly sessionSecret?: string };
  readonly seed: boolean;
  readonly logLevel: LogLevel;
  readonly bodyLimitBytes: number;
  /** Packets a reader's socket may have waiting before it is cut off as too slow. */
  readonly readerBufferLimit: number;
  /** Load balancers in front that append to X-Forwarded-For: how far from its end the client's address is. */
  readonly trustedProxies: number;
  /** Subscribe/unsubscribe requests per 10 s from one client address, over all its sockets and nodes (0: none). */
  readonly liveRequestsPerAddress: number;
  /** `/newsroom` join requests per 10 s from one client address, over all its sockets and nodes (0: none). */
  readonly newsroomJoinsPerAddress: number;
  /** Signed checkpoints (DESIGN §4b): the Ed25519 key, retired public keys, how often heads are stored. */
  readonly checkpoints: CheckpointSettings;
  /** /metrics access and the public address (METRICS_ALLOW, METRICS_TOKEN, PUBLIC_URL). */
  readonly operations: OperationsSettings;
  /** Who publishes the stories, for search engines (PUBLISHER_NAME, PUBLISHER_LOGO_URL). */
  readonly publisher: PublisherSettings;
  /** Which bearer tokens are taken (DESIGN §6). */
  readonly tokens: TokenSettings;
  /** Rate limits per minute, each 0 for none (DESIGN §6, "Limits"). */
  readonly limits: RateLimitSettings;
  /** Which sites may frame the embed (EMBED_ORIGINS). */
  readonly embed: EmbedSettings;
  /** Outbound webhooks: retry schedule, timeout, reachable private hosts (DESIGN §4d). */
  readonly webhooks: WebhookSettings;
  /** HTTP timeouts and open-connection caps (DESIGN §6, "Limits"). */
  readonly connections: ConnectionSettings;
  /** Readers' questions: the per-address budget (DESIGN §4e). */
  readonly questions: QuestionSettings;
  /** Web Push: VAPID keys and subject, reachable private push services (DESIGN §4f). */
  readonly push: PushSettings;
}

export interface CheckpointSettings {
  /** PEM (PKCS#8) Ed25519 private key; without it, the key file under DATA_DIR made on first start. */
  readonly privateKey?: string;
  /** PEM public keys this deployment signed with before, still listed so their checkpoints verify. */
  readonly retiredPublicKeys?: string;
  /** Seconds between stored checkpoints of each story whose head moved (0: none stored). */
  readonly intervalSeconds: number;
}

export interface TokenSettings {
  /** `iss` the server's own tokens carry and every bearer token must carry (AUTH_ISSUER). */
  readonly issuer: string;
  /** `aud` likewise (AUTH_AUDIENCE). */
  readonly audience: string;
  /** The longest life (`exp` − `iat`) a bearer token may have (TOKEN_MAX_HOURS). */
  readonly maxLifetimeSeconds: number;
}

export interface RateLimitSettings {
  readonly writesPerAuthor: number;
  readonly requestsPerAddress: number;
  readonly socketConnectsPerAddress: number;
}

export type EventStoreSetting =
  | { readonly kind: 'sqlite'; readonly path: string }
  /** The client's own connection string, passed through unchanged (the client parses it). */
  | { readonly kind: 'kurrentdb'; readonly connectionString: string }
  /** `schema` comes from `?schema=` (default `dateline`) and is taken off the URL handed to the driver. */
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string };

/** KurrentDB's schemes, and those of EventStoreDB it still accepts. */
const KURRENTDB_SCHEME = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/./;

/** Quoted into SQL and into a LISTEN channel name (63 bytes at most), so kept to plain lower-case words. */
const POSTGRES_SCHEMA = /^[a-z_][a-z0-9_]{0,39}$/;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A setting is wrong: the process stops with this one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const eventStore = parseEventStore(env.EVENT_STORE?.trim() || `sqlite:${dataDir}/events.db`);
  const operations = parseOperationsSettings(env);
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir,
    eventStore,
    storeTimeoutMs: parseStoreTimeout(env.STORE_TIMEOUT_MS),
    snapshotEvery: parseCount('SNAPSHOT_EVERY', env.SNAPSHOT_EVERY, 500, 'events per story; 0 for no snapshots'),
    liveBlogsInMemory: parseLiveBlogsInMemory(env.LIVE_BLOGS_IN_MEMORY),
    auth: parseAuth(env),
    seed: parseBoolean('SEED', env.SEED, eventStore.kind === 'sqlite'),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    bodyLimitBytes: parseBodyLimit(env.BODY_LIMIT_KB),
    readerBufferLimit: parseReaderBufferLimit(env.READER_BUFFER_LIMIT),
    trustedProxies: parseCount('TRUST_PROXY', env.TRUST_PROXY, 0, 'the number of load balancers in front'),
    liveRequestsPerAddress: parseCount(
      'LIVE_REQUESTS_PER_ADDRESS',
      env.LIVE_REQUESTS_PER_ADDRESS,
      300,
      'requests per 10 s; 0 for no limit',
    ),
    newsroomJoinsPerAddress: parseCount(
      'NEWSROOM_JOIN_RATE_LIMIT',
      env.NEWSROOM_JOIN_RATE_LIMIT,
      200,
      'join requests per 10 s; 0 for no limit',
    ),
    checkpoints: parseCheckpoints(env),
    ...operations,
    ...parsePublisherSettings(env),
    ...parseGuardSettings(env),
    ...parseEmbedSettings(env),
    ...parseWebhookSettings(env),
    ...parseConnectionSettings(env),
    ...parseReaderSettings(env, operations.operations.publicUrl),
  };
}

function parseCheckpoints(env: NodeJS.ProcessEnv): CheckpointSettings {
  const privateKey = env.CHECKPOINT_KEY?.trim() || undefined;
  const retiredPublicKeys = env.CHECKPOINT_RETIRED_KEYS?.trim() || undefined;
  if (privateKey && !privateKey.includes('BEGIN PRIVATE KEY')) {
    throw new ConfigError('CHECKPOINT_KEY must be a PEM Ed25519 private key (-----BEGIN PRIVATE KEY-----)');
  }
  if (retiredPublicKeys && !retiredPublicKeys.includes('BEGIN PUBLIC KEY')) {
    throw new ConfigError('CHECKPOINT_RETIRED_KEYS must be PEM public keys (-----BEGIN PUBLIC KEY-----)');
  }
  const intervalSeconds = parseCount(
    'CHECKPOINT_INTERVAL_S',
    env.CHECKPOINT_INTERVAL_S,
    300,
    'seconds between stored checkpoints; 0 for none',
  );
  return { privateKey, retiredPublicKeys, intervalSeconds };
}

function parseGuardSettings(env: NodeJS.ProcessEnv): Pick<AppConfig, 'tokens' | 'limits'> {
  const hours = parseCount('TOKEN_MAX_HOURS', env.TOKEN_MAX_HOURS, 24, 'hours, 1 to 8760');
  if (hours < 1 || hours > 8760) throw new ConfigError(`TOKEN_MAX_HOURS must be from 1 to 8760, got "${hours}"`);
  const perMinute = (name: string, fallback: number) =>
    parseCount(name, env[name], fallback, 'per minute; 0 for no limit');
  return {
    tokens: {
      issuer: parseClaimSetting('AUTH_ISSUER', env.AUTH_ISSUER, 'dateline'),
      audience: parseClaimSetting('AUTH_AUDIENCE', env.AUTH_AUDIENCE, 'dateline-api'),
      maxLifetimeSeconds: hours * 3600,
    },
    limits: {
      writesPerAuthor: perMinute('WRITE_RATE_LIMIT', 120),
      requestsPerAddress: perMinute('READ_RATE_LIMIT', 6000),
      socketConnectsPerAddress: perMinute('SOCKET_CONNECT_RATE_LIMIT', 6000),
    },
  };
}

function parseClaimSetting(name: string, raw: string | undefined, fallback: string): string {
  const value = raw?.trim() || fallback;
  if (!/^[\x21-\x7e]{1,200}$/.test(value))
    throw new ConfigError(`${name} must be 1 to 200 visible ASCII characters, got "${raw}"`);
  return value;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseEventStore(raw: string): EventStoreSetting {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('EVENT_STORE "sqlite:" needs a file path or :memory:');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (KURRENTDB_SCHEME.test(raw)) return { kind: 'kurrentdb', connectionString: raw };
  if (/^postgres(ql)?:\/\//.test(raw)) return parsePostgres(raw);
  throw new ConfigError(`EVENT_STORE must be sqlite:<path>, postgres://… or kurrentdb://…, got "${raw}"`);
}

function parsePostgres(raw: string): EventStoreSetting {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('EVENT_STORE is not a valid postgres:// URL (postgres://user:password@host:5432/database)');
  }
  const schema = url.searchParams.get('schema') ?? 'dateline';
  if (!POSTGRES_SCHEMA.test(schema)) {
    throw new ConfigError(
      `EVENT_STORE ?schema= must be lower-case letters, digits and _ (at most 40), got "${schema}"`,
    );
  }
  url.searchParams.delete('schema');
  return { kind: 'postgres', connectionString: url.toString(), schema };
}

function parseAuth(env: NodeJS.ProcessEnv): AppConfig['auth'] {
  const secret = env.AUTH_SECRET?.trim();
  const publicKey = env.AUTH_PUBLIC_KEY?.trim();
  const sessionSecret = env.SESSION_SECRET?.trim();
  if (secret && publicKey) throw new ConfigError('set AUTH_SECRET or AUTH_PUBLIC_KEY, not both');
  for (const [name, value] of [
    ['AUTH_SECRET', secret],
    ['SESSION_SECRET', sessionSecret],
  ] as const) {
    if (value !== undefined && value !== '' && value.length < 32) {
      throw new ConfigError(`${name} must be at least 32 characters`);
    }
  }
  if (publicKey && !publicKey.includes('BEGIN PUBLIC KEY')) {
    throw new ConfigError('AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  return { secret: secret || undefined, publicKey: publicKey || undefined, sessionSecret: sessionSecret || undefined };
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = (raw?.trim() || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return value as LogLevel;
}

function parseBodyLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 64 * 1024;
  const kb = Number(raw);
  if (!Number.isInteger(kb) || kb < 1 || kb > 10_240) {
    throw new ConfigError(`BODY_LIMIT_KB must be an integer from 1 to 10240, got "${raw}"`);
  }
  return kb * 1024;
}

function parseReaderBufferLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1000;
  const packets = Number(raw);
  if (!Number.isInteger(packets) || packets < 1) {
    throw new ConfigError(`READER_BUFFER_LIMIT must be a positive integer (packets), got "${raw}"`);
  }
  return packets;
}

function parseCount(name: string, raw: string | undefined, fallback: number, meaning: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d{1,9}$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number (${meaning}), got "${raw}"`);
  return Number(raw);
}

/** At least one: the story being folded is always held whole. */
function parseLiveBlogsInMemory(raw: string | undefined): number {
  const stories = parseCount('LIVE_BLOGS_IN_MEMORY', raw, 1000, 'stories, at least 1');
  if (stories < 1) throw new ConfigError(`LIVE_BLOGS_IN_MEMORY must be at least 1, got "${raw}"`);
  return stories;
}

function parseStoreTimeout(raw: string | undefined): number {
  const ms = parseCount('STORE_TIMEOUT_MS', raw, 5000, 'milliseconds, 100 to 600000');
  if (ms < 100 || ms > 600_000) throw new ConfigError(`STORE_TIMEOUT_MS must be from 100 to 600000, got "${raw}"`);
  return ms;
}

export const APP_CONFIG = Symbol('AppConfig');
