import { ConfigError } from './config.js';

/** Who may show the story's embed (/embed/:id) in a frame: CSP `frame-ancestors` of that route only. */
export interface EmbedSettings {
  /** `*` (any site: the content is public), or origins such as `https://news.example.org`, `https://*.example.org`. */
  readonly origins: readonly string[];
}

/** An origin as CSP writes one: a scheme, a host (a leading `*.` allowed), an optional port; no path. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

export function parseEmbedSettings(env: NodeJS.ProcessEnv): { embed: EmbedSettings } {
  const value = env.EMBED_ORIGINS?.trim() ?? '';
  if (value === '' || value === '*') return { embed: { origins: ['*'] } };
  const origins = value.split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    if (!ORIGIN.test(origin.toLowerCase()) || Number(origin.split(':')[2] ?? 0) > 65535) {
      throw new ConfigError(
        `EMBED_ORIGINS must be * or origins such as https://news.example.org separated by commas, got "${origin}"`,
      );
    }
  }
  return { embed: { origins: origins.map((origin) => origin.toLowerCase()) } };
}
