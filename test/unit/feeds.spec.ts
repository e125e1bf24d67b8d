import type { OpenedBlog } from '../../src/live-blog/domain/index.js';
import { foldHistory } from '../../src/live-blog/domain/index.js';
import { entryId, feedLinks, renderAtomFeed, toJsonFeed, toLiveBlogFeed } from '../../src/syndication/index.js';
import * as f from '../support/factories.js';
import { readAtom } from '../support/feeds.js';
import { history, minutesAfterStart } from '../support/given.js';

const STORY = 'osh-feeds';
const LINKS = feedLinks('https://news.example', STORY);
const POSTED = 'Troops fired on a crowd near the White House in Bishkek.';
const CORRECTED = 'Troops fired on a crowd near the White House in Bishkek, witnesses said.';
const RETRACTED = 'Twelve dead at the depot, says an unconfirmed post.';
const RETRACTION_REASON = 'The post was a hoax by a private account';
const REDACTED = 'Aibek Sultanov, 15, was among the wounded.';
const REDACTION_REASON = 'Names a minor';

/** Revisions 0..6, a minute apart: opened, three posts, the correction (4), the retraction (5), the redaction (6). */
const EVENTS = [
  f.opened({ title: 'Unrest in <Osh> & Bishkek', summary: 'Day two' }),
  f.posted({ updateId: 'u1', body: `<p>${POSTED}</p>`, byline: 'Rayhan Demytrie' }),
  f.posted({ updateId: 'u2', body: `<p>${RETRACTED}</p>` }),
  f.posted({ updateId: 'u3', body: `<p>${REDACTED}</p>` }),
  f.corrected({ updateId: 'u1', body: `<p>${CORRECTED}</p>`, reason: 'Added the source' }),
  f.retracted({ updateId: 'u2', reason: RETRACTION_REASON }),
  f.redacted({ updateId: 'u3', fields: ['body'], reference: 'Court order 2010/117', reason: REDACTION_REASON }),
];

function blogOf(...events: Parameters<typeof history>): OpenedBlog {
  return foldHistory(history(...events)) as OpenedBlog;
}

const before = blogOf(...EVENTS.slice(0, 4));
const after = blogOf(...EVENTS);
const atom = (blog: OpenedBlog) => renderAtomFeed(toLiveBlogFeed(STORY, blog), LINKS);
const json = (blog: OpenedBlog) => toJsonFeed(toLiveBlogFeed(STORY, blog), LINKS);

describe('the Atom feed', () => {
  it('keeps an entry id and published time through a correction, and moves its updated time', () => {
    const [first, corrected] = [readAtom(atom(before)), readAtom(atom(after))];
    const entryOf = (feed: typeof first) => feed.entries.find((entry) => entry.id === entryId(STORY, 'u1'))!;
    expect(entryOf(first).published).toBe(minutesAfterStart(1));
    expect(entryOf(corrected).published).toBe(minutesAfterStart(1));
    expect(entryOf(first).updated).toBe(minutesAfterStart(1));
    expect(entryOf(corrected).updated).toBe(minutesAfterStart(4));
    expect(entryOf(first).content).toBe(`<p>${POSTED}</p>`);
    expect(entryOf(corrected).content).toBe(`<p>${CORRECTED}</p>`);
    expect(entryOf(corrected).contentType).toBe('html');
    expect(entryOf(corrected).title).toBe(CORRECTED);
    expect(entryOf(corrected).alternate).toBe('https://news.example/live/osh-feeds/updates/u1');
    expect(entryOf(corrected).author).toBe('Rayhan Demytrie');
    expect(entryId(STORY, 'u1')).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('replaces a retracted entry by an RFC 6721 tombstone dated at the retraction, with no text or reason', () => {
    const feed = readAtom(atom(after));
    expect(feed.entries.map((entry) => entry.id)).toEqual([entryId(STORY, 'u3'), entryId(STORY, 'u1')]);
    expect(feed.tombstones).toEqual([
      { ref: entryId(STORY, 'u2'), when: minutesAfterStart(5), attributes: ['ref', 'when'], content: '' },
    ]);
    expect(readAtom(atom(before)).tombstones).toEqual([]);
  });

  it('shows redacted, retracted and replaced text nowhere, nor any reason', () => {
    for (const text of [atom(after), JSON.stringify(json(after))]) {
      for (const hidden of [RETRACTED, RETRACTION_REASON, REDACTED, REDACTION_REASON, POSTED, 'Added the source'])
        expect(text).not.toContain(hidden);
      expect(text).toContain('[redacted: Court order 2010/117]');
    }
    const redactedEntry = readAtom(atom(after)).entries.find((entry) => entry.id === entryId(STORY, 'u3'))!;
    expect(redactedEntry.updated).toBe(minutesAfterStart(6));
  });

  it('names the story, its latest change and its own, page and JSON addresses, escaping every text', () => {
    const feed = readAtom(atom(after));
    expect(feed.id).toBe(toLiveBlogFeed(STORY, before).feedId);
    expect(feed.id).toMatch(/^urn:uuid:/);
    expect(feed.title).toBe('Unrest in <Osh> & Bishkek');
    expect(feed.updated).toBe(minutesAfterStart(6));
    expect(feed.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://news.example/live/osh-feeds/feed.atom' },
      { rel: 'alternate', type: 'text/html', href: 'https://news.example/live/osh-feeds' },
      { rel: 'alternate', type: 'application/feed+json', href: 'https://news.example/live/osh-feeds/feed.json' },
    ]);
  });

  it('gives each story its own ids', () => {
    expect(entryId('other-story', 'u1')).not.toBe(entryId(STORY, 'u1'));
    expect(toLiveBlogFeed('other-story', after).feedId).not.toBe(toLiveBlogFeed(STORY, after).feedId);
  });
});

describe('the JSON Feed', () => {
  it('follows version 1.1: the same ids, date_modified after a correction, no retracted item', () => {
    const feed = json(after);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Unrest in <Osh> & Bishkek');
    expect(feed.home_page_url).toBe('https://news.example/live/osh-feeds');
    expect(feed.feed_url).toBe('https://news.example/live/osh-feeds/feed.json');
    expect(feed.items.map((item) => item.id)).toEqual([entryId(STORY, 'u3'), entryId(STORY, 'u1')]);
    const corrected = feed.items[1]!;
    expect(corrected).toMatchObject({
      url: 'https://news.example/live/osh-feeds/updates/u1',
      content_html: `<p>${CORRECTED}</p>`,
      date_published: minutesAfterStart(1),
      date_modified: minutesAfterStart(4),
      authors: [{ name: 'Rayhan Demytrie' }],
    });
    expect(json(before).items.find((item) => item.id === corrected.id)).not.toHaveProperty('date_modified');
  });

  it('says a closed story has expired, and a live one not', () => {
    expect(json(after)).not.toHaveProperty('expired');
    expect(json(blogOf(...EVENTS, f.closed({ reason: 'Coverage ends' }))).expired).toBe(true);
    expect(JSON.stringify(json(blogOf(...EVENTS, f.closed({ reason: 'Coverage ends' }))))).not.toContain(
      'Coverage ends',
    );
  });
});

describe('entry titles', () => {
  it('are the first words of the body as plain text, cut at a space', () => {
    const body =
      '<p>Gunfire &amp; <b>looting</b> in Bishkek;</p><p>the interior minister is reported dead, and the opposition holds the state TV.</p>';
    const [entry] = toLiveBlogFeed(STORY, blogOf(f.opened(), f.posted({ body }))).entries;
    expect(entry!.title).toBe('Gunfire & looting in Bishkek; the interior minister is reported dead, and the…');
    expect(
      readAtom(renderAtomFeed(toLiveBlogFeed(STORY, blogOf(f.opened(), f.posted({ body }))), LINKS)).entries[0]!.title,
    ).toBe(entry!.title);
  });
});

describe('feed sizes', () => {
  it('carries the newest 50 public updates, and a tombstone for every retraction up to 50', () => {
    const posts = Array.from({ length: 60 }, (_, index) => f.posted({ updateId: `p${index}`, body: `Post ${index}` }));
    const retractions = Array.from({ length: 55 }, (_, index) => f.retracted({ updateId: `p${index}` }));
    const blog = blogOf(f.opened(), ...posts, ...retractions);
    const feed = toLiveBlogFeed(STORY, blog);
    expect(feed.entries.map((entry) => entry.update.updateId)).toEqual(['p59', 'p58', 'p57', 'p56', 'p55']);
    expect(feed.tombstones).toHaveLength(50);
    expect(feed.tombstones[0]).toEqual({ ref: entryId(STORY, 'p54'), retractedAt: minutesAfterStart(115) });
    const full = toLiveBlogFeed(STORY, blogOf(f.opened(), ...posts));
    expect(full.entries).toHaveLength(50);
    expect(full.entries[0]!.update.updateId).toBe('p59');
  });
});
