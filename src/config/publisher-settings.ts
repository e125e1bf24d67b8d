import { ConfigError } from './config.js';

/** Who publishes the stories, as search engines are told (the JSON-LD `publisher` and, by default, its `author`). */
export interface PublisherSettings {
  /** PUBLISHER_NAME: the organisation's name. */
  readonly name: string;
  /** PUBLISHER_LOGO_URL: an absolute http(s) URL, or a path on this site (`/assets/…`) made absolute per page. */
  readonly logoUrl: string;
}

const DEFAULT_PUBLISHER_NAME = 'Dateline';
const DEFAULT_PUBLISHER_LOGO = '/assets/favicon.svg';

export function parsePublisherSettings(env: NodeJS.ProcessEnv): { publisher: PublisherSettings } {
  return { publisher: { name: parseName(env.PUBLISHER_NAME), logoUrl: parseLogoUrl(env.PUBLISHER_LOGO_URL) } };
}

function parseName(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return DEFAULT_PUBLISHER_NAME;
  // Printed in every page's JSON-LD: one line of visible text.
  if (value.length > 100 || /[\p{Cc}\p{Cf}]/u.test(value))
    throw new ConfigError(`PUBLISHER_NAME must be 1 to 100 characters on one line, got "${raw}"`);
  return value;
}

function parseLogoUrl(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return DEFAULT_PUBLISHER_LOGO;
  if (/^\/(?!\/)[\w\-./~%]*$/.test(value)) return value;
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) return url.href;
  } catch {
    // refused below
  }
  throw new ConfigError(`PUBLISHER_LOGO_URL must be an http(s) URL or a path such as /assets/logo.png, got "${raw}"`);
}
