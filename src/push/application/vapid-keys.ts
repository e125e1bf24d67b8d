import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { type AppConfig, ConfigError } from '../../config/index.js';

/** The key pair made on first start when the settings name none (owner-only, like the checkpoint key). */
const VAPID_KEY_FILE = 'vapid-keys.json';

export interface VapidKeys {
  /** base64url of the uncompressed P-256 point: what browsers pass as `applicationServerKey`. */
  readonly publicKey: string;
  readonly privateKey: string;
}

/** VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set, else the data folder's pair, made on first use. */
export function resolveVapidKeys(config: AppConfig): VapidKeys {
  if (config.push.vapidKeys) return config.push.vapidKeys;
  const file = join(config.dataDir, VAPID_KEY_FILE);
  const existing = readKeys(file);
  if (existing) return existing;
  mkdirSync(config.dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  try {
    writeFileSync(file, `${JSON.stringify(keys)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process starting at once made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeys(file)!;
    throw error;
  }
  chmodSync(file, 0o600);
  return keys;
}

function readKeys(file: string): VapidKeys | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { publicKey, privateKey } = JSON.parse(text) as Partial<VapidKeys>;
    if (typeof publicKey === 'string' && typeof privateKey === 'string') return { publicKey, privateKey };
  } catch {
    // refused below
  }
  throw new ConfigError(`${file} does not hold a VAPID key pair ({"publicKey", "privateKey"} in base64url)`);
}
