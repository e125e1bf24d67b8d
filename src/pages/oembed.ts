import { Eta } from 'eta';

/** The media type of an oEmbed JSON answer (oembed.com §2.2, discovery §4). */
const OEMBED_JSON = 'application/json+oembed';

/** The frame's size when the consumer sets no limit: a column of an article page. */
const EMBED_SIZE = { width: 600, height: 800 } as const;

/** The reader page's `<link rel="alternate">` that lets a consumer find its oEmbed. */
export function oEmbedDiscovery(pageUrl: string, title: string) {
  const query = new URLSearchParams({ url: pageUrl, format: 'json' });
  return { type: OEMBED_JSON, href: `${new URL(pageUrl).origin}/oembed?${query}`, title };
}

/** The story (and the update) a page address of this site names: /live/:id, its permalinks, /embed/:id. */
export function liveBlogOfUrl(raw: string, origins: readonly string[]): { id: string; updateId?: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!origins.includes(url.origin)) return null;
  const match = /^\/(?:live|embed)\/([^/]+)\/?$|^\/live\/([^/]+)\/updates\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1] ?? match[2]!);
    return match[3] === undefined ? { id } : { id, updateId: decodeURIComponent(match[3]) };
  } catch {
    return null;
  }
}

// Eta, as the pages use it, escapes every value written into the frame's attributes.
const frameTemplate = new Eta({ autoEscape: true, autoTrim: false });
const FRAME = `<iframe src="<%= it.src %>" width="<%= it.width %>" height="<%= it.height %>" title="<%= it.title %>" \
loading="lazy" style="border:0;max-width:100%"></iframe>`;

/** The oEmbed `rich` answer: a frame of /embed/:id, within the consumer's maxwidth and maxheight. */
export function oEmbedAnswer(options: {
  origin: string;
  id: string;
  title: string;
  maxwidth?: number;
  maxheight?: number;
}) {
  const width = Math.min(EMBED_SIZE.width, options.maxwidth ?? Number.POSITIVE_INFINITY);
  const height = Math.min(EMBED_SIZE.height, options.maxheight ?? Number.POSITIVE_INFINITY);
  const src = `${options.origin}/embed/${options.id}`;
  return {
    version: '1.0',
    type: 'rich',
    html: frameTemplate.renderString(FRAME, { src, width, height, title: `${options.title} (live)` }),
    width,
    height,
    title: options.title,
    provider_name: 'Dateline',
    provider_url: `${options.origin}/`,
    cache_age: 300,
  } as const;
}
