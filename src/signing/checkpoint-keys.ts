import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type AppConfig } from '../config/pure.js';
import type { CheckpointKey } from './checkpoint.js';
import { keyringOf, publishedKeyOf, type KeySet, type Keyring } from './keyring.js';

/** The signing key made on first start, like the token secret (PKCS#8 PEM, owner-only). */
export const CHECKPOINT_KEY_FILE = 'checkpoint-key.pem';
/** Public keys of keys rotated out: appended on rotation, never removed. */
const RETIRED_KEYS_FILE = 'checkpoint-retired-keys.pem';

export interface CheckpointKeys {
  readonly signing: CheckpointKey;
  /** The current key first, then every retired one. */
  readonly published: KeySet;
  readonly keyring: Keyring;
}

/**
 * CHECKPOINT_KEY when set, else the key file under DATA_DIR (made on first use), and every retired
 * public key: CHECKPOINT_RETIRED_KEYS and the data folder's retired-keys file. A key that does not
 * parse stops the process with the setting's name.
 */
export function resolveCheckpointKeys(config: AppConfig): CheckpointKeys {
  const privateKey = config.checkpoints.privateKey
    ? parsePrivateKey(config.checkpoints.privateKey, 'CHECKPOINT_KEY')
    : parsePrivateKey(fileKey(config.dataDir), join(config.dataDir, CHECKPOINT_KEY_FILE));
  const current = publishedKeyOf(createPublicKey(privateKey), 'current');
  const keys = [current, ...retiredKeys(config, current.kid)];
  return { signing: { keyId: current.kid, privateKey }, published: { keys }, keyring: keyringOf({ keys }) };
}

/**
 * The keys a verifier on this machine trusts, as the server publishes them, without making a key
 * where there is none (the audit command reads them; it never signs).
 */
export function verifyingKeys(config: AppConfig): KeySet {
  const pem = config.checkpoints.privateKey ?? readIfPresent(join(config.dataDir, CHECKPOINT_KEY_FILE));
  const source = config.checkpoints.privateKey ? 'CHECKPOINT_KEY' : CHECKPOINT_KEY_FILE;
  const current = pem === '' ? [] : [publishedKeyOf(createPublicKey(parsePrivateKey(pem, source)), 'current')];
  return { keys: [...current, ...retiredKeys(config, current[0]?.kid)] };
}

function retiredKeys(config: AppConfig, currentKeyId: string | undefined) {
  return [
    ...pemBlocks(config.checkpoints.retiredPublicKeys ?? '', 'CHECKPOINT_RETIRED_KEYS'),
    ...pemBlocks(readIfPresent(join(config.dataDir, RETIRED_KEYS_FILE)), RETIRED_KEYS_FILE),
  ]
    .map((key) => publishedKeyOf(key, 'retired'))
    .filter((key, index, all) => key.kid !== currentKeyId && all.findIndex((k) => k.kid === key.kid) === index);
}

/**
 * Retires the data folder's key (its public key is appended to the retired-keys file first, so
 * nothing it signed stops verifying) and makes a new one, used from the next start. Answers both key ids.
 */
export function rotateCheckpointKey(config: AppConfig): { retired: string; current: string } {
  if (config.checkpoints.privateKey) {
    throw new ConfigError(
      'the key comes from CHECKPOINT_KEY: set a new one and add the old public key to CHECKPOINT_RETIRED_KEYS',
    );
  }
  const file = join(config.dataDir, CHECKPOINT_KEY_FILE);
  const old = parsePrivateKey(fileKey(config.dataDir), file);
  const oldPublic = createPublicKey(old);
  appendFileSync(join(config.dataDir, RETIRED_KEYS_FILE), oldPublic.export({ type: 'spki', format: 'pem' }));
  const fresh = newKeyPem();
  writeFileSync(`${file}.new`, fresh, { mode: 0o600 });
  renameSync(`${file}.new`, file);
  return {
    retired: publishedKeyOf(oldPublic, 'retired').kid,
    current: publishedKeyOf(createPublicKey(fresh), 'current').kid,
  };
}

function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError(`${source} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError(`${source} must be an Ed25519 key`);
  return key;
}

function pemBlocks(text: string, source: string): KeyObject[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((block) => {
    try {
      return createPublicKey(block);
    } catch {
      throw new ConfigError(`${source} holds a public key that does not parse`);
    }
  });
}

/** The key kept in the data folder, made on first use; another process starting at once may make it first. */
function fileKey(dataDir: string): string {
  const file = join(dataDir, CHECKPOINT_KEY_FILE);
  const existing = readIfPresent(file);
  if (existing !== '') return existing;
  mkdirSync(dataDir, { recursive: true });
  const pem = newKeyPem();
  try {
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  }
  chmodSync(file, 0o600);
  return pem;
}

function newKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function readIfPresent(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
