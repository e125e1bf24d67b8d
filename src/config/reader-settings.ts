import { ConfigError } from './config.js';
import { parseAllowHosts } from './webhook-settings.js';

/** Readers' questions (DESIGN §4e): how many one address may send. */
export interface QuestionSettings {
  /** Questions one client address may send per 10 minutes, over all stories (QUESTION_RATE_LIMIT; 0: no limit). */
  readonly perAddress: number;
}

/** "Follow this story" with Web Push (DESIGN §4f). */
export interface PushSettings {
  /** The VAPID key pair as base64url (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY); absent, the data folder's pair. */
  readonly vapidKeys?: { readonly publicKey: string; readonly privateKey: string };
  /** Who push services may contact about this sender: a mailto: or https: URL (VAPID_SUBJECT). */
  readonly subject: string;
  /** Push-service hosts, addresses and ranges reachable although not public (PUSH_ALLOW_HOSTS); lower case. */
  readonly allowHosts: readonly string[];
}

export const QUESTIONS_WINDOW_SECONDS = 600;

export function parseReaderSettings(
  env: NodeJS.ProcessEnv,
  publicUrl: string | undefined,
): { questions: QuestionSettings; push: PushSettings } {
  return {
    questions: { perAddress: parseQuestionLimit(env.QUESTION_RATE_LIMIT) },
    push: {
      vapidKeys: parseVapidKeys(env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY),
      subject: parseSubject(env.VAPID_SUBJECT, publicUrl),
      allowHosts: parseAllowHosts('PUSH_ALLOW_HOSTS', env.PUSH_ALLOW_HOSTS),
    },
  };
}

function parseQuestionLimit(raw: string | undefined): number {
  const value = raw?.trim() || '5';
  if (!/^\d{1,6}$/.test(value)) {
    throw new ConfigError(
      `QUESTION_RATE_LIMIT must be a whole number (questions per address per 10 minutes; 0 for none), got "${raw}"`,
    );
  }
  return Number(value);
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function parseVapidKeys(publicKey: string | undefined, privateKey: string | undefined): PushSettings['vapidKeys'] {
  const pub = publicKey?.trim() ?? '';
  const priv = privateKey?.trim() ?? '';
  if (pub === '' && priv === '') return undefined;
  if (pub === '' || priv === '')
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both or neither');
  // An uncompressed P-256 point is 65 bytes, its private scalar 32 (RFC 8292 §3.2).
  if (!BASE64URL.test(pub) || Buffer.from(pub, 'base64url').length !== 65) {
    throw new ConfigError('VAPID_PUBLIC_KEY must be an uncompressed P-256 public key, 65 bytes in base64url');
  }
  if (!BASE64URL.test(priv) || Buffer.from(priv, 'base64url').length !== 32) {
    throw new ConfigError('VAPID_PRIVATE_KEY must be a P-256 private key, 32 bytes in base64url');
  }
  return { publicKey: pub, privateKey: priv };
}

function parseSubject(raw: string | undefined, publicUrl: string | undefined): string {
  const value = raw?.trim();
  if (!value) return publicUrl?.startsWith('https:') ? publicUrl : 'mailto:webmaster@localhost';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`VAPID_SUBJECT must be a mailto: or https: URL, got "${raw}"`);
  }
  if (url.protocol !== 'mailto:' && url.protocol !== 'https:') {
    throw new ConfigError(`VAPID_SUBJECT must be a mailto: or https: URL, got "${raw}"`);
  }
  return value;
}
