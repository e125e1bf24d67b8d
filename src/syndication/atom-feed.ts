import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { FeedEntry, FeedLinks, LiveBlogFeed } from './live-blog-feed.js';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 6721: the namespace of `deleted-entry`. */
const TOMBSTONES = 'http://purl.org/atompub/tombstones/1.0';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML = 'http://www.w3.org/XML/1998/namespace';

/**
 * The story as an Atom feed (RFC 4287), its retracted entries as RFC 6721 tombstones that name
 * the entry and the time it went, nothing else. Every text is escaped by the XML writer.
 */
export function renderAtomFeed(feed: LiveBlogFeed, links: FeedLinks): string {
  const root = create({ version: '1.0', encoding: 'utf-8' })
    .ele(ATOM, 'feed')
    .att(XMLNS, 'xmlns:at', TOMBSTONES)
    .att(XML, 'xml:lang', feed.language);
  root.ele(ATOM, 'id').txt(feed.feedId);
  root.ele(ATOM, 'title').txt(feed.title);
  if (feed.summary) root.ele(ATOM, 'subtitle').txt(feed.summary);
  root.ele(ATOM, 'updated').txt(feed.updatedAt);
  root.ele(ATOM, 'author').ele(ATOM, 'name').txt('Dateline');
  link(root, 'self', links.atom, 'application/atom+xml');
  link(root, 'alternate', links.page, 'text/html');
  link(root, 'alternate', links.json, 'application/feed+json');
  root.ele(ATOM, 'generator').txt('Dateline');
  for (const tombstone of feed.tombstones) {
    // RFC 6721 §2: `when` is the time the entry was deleted; no comment, no `by`: readers are not told why.
    root.ele(TOMBSTONES, 'at:deleted-entry').att('ref', tombstone.ref).att('when', tombstone.retractedAt);
  }
  for (const entry of feed.entries) writeEntry(root.ele(ATOM, 'entry'), entry, links);
  // wellFormed: a character XML cannot carry fails here, not in every reader's parser.
  return root.end({ prettyPrint: false, wellFormed: true });
}

function writeEntry(element: XMLBuilder, entry: FeedEntry, links: FeedLinks): void {
  const { update } = entry;
  element.ele(ATOM, 'id').txt(entry.id);
  element.ele(ATOM, 'title').txt(entry.title);
  element.ele(ATOM, 'published').txt(entry.publishedAt);
  element.ele(ATOM, 'updated').txt(entry.updatedAt);
  link(element, 'alternate', links.update(update.updateId), 'text/html');
  if (update.byline) element.ele(ATOM, 'author').ele(ATOM, 'name').txt(update.byline);
  element.ele(ATOM, 'category').att('term', update.kind);
  element.ele(ATOM, 'content').att('type', 'html').txt(entry.contentHtml);
}

function link(element: XMLBuilder, rel: string, href: string, type: string): void {
  element.ele(ATOM, 'link').att('rel', rel).att('type', type).att('href', href);
}
