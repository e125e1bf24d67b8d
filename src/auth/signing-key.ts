import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';

export type SigningKey =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly publicKey: string };

export const SECRET_FILE = 'auth-secret';

/**
 * AUTH_SECRET or AUTH_PUBLIC_KEY when set; otherwise the embedded default's secret under DATA_DIR,
 * made on first start, so the token command and the server agree without any setting.
 */
export function resolveSigningKey(config: AppConfig): SigningKey {
  if (config.auth.publicKey) return { kind: 'public-key', publicKey: config.auth.publicKey };
  if (config.auth.secret) return { kind: 'secret', secret: config.auth.secret };
  const file = join(config.dataDir, SECRET_FILE);
  try {
    return { kind: 'secret', secret: readFileSync(file, 'utf8').trim() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { kind: 'secret', secret: readFileSync(file, 'utf8').trim() };
    throw error;
  }
  chmodSync(file, 0o600);
  return { kind: 'secret', secret };
}
