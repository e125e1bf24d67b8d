import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/index.js';

type SigningKey =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly publicKey: string };

const SECRET_FILE = 'auth-secret';
/** Signs sessions when the API's tokens come from an outside issuer (AUTH_PUBLIC_KEY) and SESSION_SECRET is unset. */
const SESSION_SECRET_FILE = 'session-secret';

/**
 * AUTH_SECRET or AUTH_PUBLIC_KEY when set; otherwise the embedded default's secret under DATA_DIR,
 * made on first start, so the token command and the server agree without any setting.
 */
export function resolveSigningKey(config: AppConfig): SigningKey {
  if (config.auth.publicKey) return { kind: 'public-key', publicKey: config.auth.publicKey };
  if (config.auth.secret) return { kind: 'secret', secret: config.auth.secret };
  return { kind: 'secret', secret: fileSecret(config.dataDir, SECRET_FILE) };
}

/**
 * The key that signs sign-in sessions: SESSION_SECRET, else the API's own secret, else a file
 * under DATA_DIR. Several nodes must share it, as they share AUTH_SECRET (README, "Several nodes").
 */
export function resolveSessionSecret(config: AppConfig): string {
  if (config.auth.sessionSecret) return config.auth.sessionSecret;
  const key = resolveSigningKey(config);
  return key.kind === 'secret' ? key.secret : fileSecret(config.dataDir, SESSION_SECRET_FILE);
}

/** The secret kept in this file, made on first use (readable by the owner only). */
function fileSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
