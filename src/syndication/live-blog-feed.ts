import sanitizeHtml from 'sanitize-html';
import { v5 as uuidv5 } from 'uuid';
import {
  type OpenedBlog,
  type UpdateRecord,
  ARTICLE_UPDATES,
  toPublicUpdate,
  type PublicUpdate,
} from '../live-blog/pure.js';
import { sanitizeBody } from '../shared/index.js';

/** How many retractions a feed announces, the latest first: enough for any reader that polls now and then. */
const FEED_TOMBSTONES = 50;

/** Fixed for ever: entry and feed ids are UUID v5 names under it, so they never change. */
const FEED_ID_NAMESPACE = '8e0c1a54-4b7e-4f0c-9d55-3a0a4f3b7c21';

/** One public update as a feed carries it. */
export interface FeedEntry {
  /** `urn:uuid:…`, a name of the story and the update: the same in every format, on every host. */
  readonly id: string;
  readonly update: PublicUpdate;
  /** A plain-text line from the body (Atom requires a title; updates have none). */
  readonly title: string;
  /** The body in the safe markup subset, as the reader's page shows it. */
  readonly contentHtml: string;
  readonly publishedAt: string;
  /** The latest change to what the entry shows: its last correction or redaction, else when it was posted. */
  readonly updatedAt: string;
}

/** An RFC 6721 tombstone: only which entry went and when, never its text or why. */
export interface FeedTombstone {
  readonly ref: string;
  readonly retractedAt: string;
}

/** What both formats are written from: what a reader may see of a story, and which entries were withdrawn. */
export interface LiveBlogFeed {
  readonly id: string;
  readonly feedId: string;
  readonly title: string;
  readonly summary: string | null;
  readonly language: string;
  readonly closed: boolean;
  readonly updatedAt: string;
  readonly revision: number;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
  /** Latest retraction first. */
  readonly tombstones: readonly FeedTombstone[];
}

/** The absolute addresses a feed names: the reader's page, the feeds themselves, each update's permalink. */
export interface FeedLinks {
  readonly page: string;
  readonly atom: string;
  readonly json: string;
  update(updateId: string): string;
}

export function feedLinks(base: string, id: string): FeedLinks {
  const page = `${base}/live/${id}`;
  return {
    page,
    atom: `${page}/feed.atom`,
    json: `${page}/feed.json`,
    update: (updateId) => `${page}/updates/${encodeURIComponent(updateId)}`,
  };
}

/** The story's feed: its newest public updates, and tombstones for the retracted ones (no text, no reason). */
export function toLiveBlogFeed(id: string, blog: OpenedBlog, entries = ARTICLE_UPDATES): LiveBlogFeed {
  const published: FeedEntry[] = [];
  const retracted: FeedTombstone[] = [];
  for (let index = blog.updates.length - 1; index >= 0; index--) {
    const update = blog.updates.at(index)!;
    if (update.retraction) retracted.push({ ref: entryId(id, update.updateId), retractedAt: update.retraction.at });
    else if (published.length < entries) published.push(toFeedEntry(id, update));
  }
  retracted.sort((a, b) => Date.parse(b.retractedAt) - Date.parse(a.retractedAt));
  return {
    id,
    feedId: `urn:uuid:${uuidv5(`liveblog/${id}`, FEED_ID_NAMESPACE)}`,
    title: blog.title,
    summary: blog.summary,
    language: blog.language,
    closed: blog.status === 'closed',
    updatedAt: blog.lastUpdatedAt,
    revision: blog.revision,
    entries: published,
    tombstones: retracted.slice(0, FEED_TOMBSTONES),
  };
}

export function entryId(id: string, updateId: string): string {
  return `urn:uuid:${uuidv5(`liveblog/${id}/update/${updateId}`, FEED_ID_NAMESPACE)}`;
}

function toFeedEntry(id: string, record: UpdateRecord): FeedEntry {
  const update = toPublicUpdate(record);
  const contentHtml = sanitizeBody(update.body);
  const changes = [record.at, ...record.corrections.map((c) => c.at), ...record.redactions.map((r) => r.at)];
  return {
    id: entryId(id, update.updateId),
    update,
    title: excerpt(plainText(contentHtml)),
    contentHtml,
    publishedAt: record.at,
    updatedAt: changes.reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest)),
  };
}

const TITLE_LENGTH = 80;

/** The first words of a text, cut at a space, with an ellipsis when anything was left out. */
function excerpt(text: string, length = TITLE_LENGTH): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= length) return words;
  const cut = words.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The text of safe markup: sanitize-html with no tags allowed keeps the text and escapes it as
 * HTML (`&`, `<`, `>`, and only those), which is undone here; the XML and JSON writers escape it again.
 */
function plainText(html: string): string {
  const escaped = sanitizeHtml(html.replace(/<\/(p|li|blockquote|h\d)>|<br\s*\/?>/gi, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return escaped.replace(/&(lt|gt|amp|quot);/g, (_, name: string) => HTML_ESCAPES[name]!);
}

const HTML_ESCAPES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
