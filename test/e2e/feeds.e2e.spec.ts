import { bearer, startApp, type TestApp } from '../support/app.js';
import { PinnedClock } from '../support/clock.js';
import { readAtom } from '../support/feeds.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-feeds';
const CLOSED = 'naryn-feeds';
const POSTED = 'Protesters have taken the state television building.';
const CORRECTED = 'Protesters have taken the state television building, the opposition says.';
const RETRACTED = 'Interior minister Moldomusa Kongantiyev is dead, says a post.';
const RETRACTION_REASON = 'The minister was beaten but is alive';
const REDACTED = 'A boy, Aibek Sultanov, 15, was shot in the leg.';

describe('feeds of a story, over HTTP', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  const atomUrl = `/live/${BLOG}/feed.atom`;
  const jsonUrl = `/live/${BLOG}/feed.json`;
  const getAtom = () => fetchFeed(t, atomUrl);
  const getJson = () => fetchFeed(t, jsonUrl);

  beforeAll(async () => {
    t = await startApp({ clock: new PinnedClock('2010-04-08T18:00:00Z') });
    editor = bearer(t.token('editor'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Bishkek: <day> & night', at: '2010-04-08T16:00:00Z' },
      { headers: editor },
    );
    const post = (updateId: string, body: string, at: string) =>
      t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ updateId, kind: 'report', body, at });
    await post('tv', POSTED, '2010-04-08T17:00:00Z').expect(201);
    await post('minister', RETRACTED, '2010-04-08T17:05:00Z').expect(201);
    await post('boy', REDACTED, '2010-04-08T17:06:00Z').expect(201);
  });
  afterAll(() => t.close());

  it('without PUBLIC_URL, writes no address from a Host that does not name this server', async () => {
    const atom = readAtom((await fetchFeed(t, `/live/${BLOG}/feed.atom`, { Host: 'evil.example' })).text);
    expect(atom.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `${t.url}/live/${BLOG}/feed.atom`,
    });
    const json = (await fetchFeed(t, `/live/${BLOG}/feed.json`, { Host: 'evil.example' })).text;
    expect(json).not.toContain('evil.example');
    expect(JSON.parse(json).home_page_url).toBe(`${t.url}/live/${BLOG}`);
  });

  it('carries a correction under the same id and publication time, and a retraction as a tombstone alone', async () => {
    const first = await getAtom();
    expect(first.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const before = readAtom(first.text);
    expect(before.entries).toHaveLength(3);
    const tvBefore = before.entries.find((entry) => entry.content.includes(POSTED))!;
    const minister = before.entries.find((entry) => entry.content.includes(RETRACTED))!;

    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/tv/corrections`)
      .set(editor)
      .send({ body: CORRECTED, reason: 'Attributed the claim', at: '2010-04-08T17:10:00Z' })
      .expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/minister/retraction`)
      .set(editor)
      .send({ reason: RETRACTION_REASON, at: '2010-04-08T17:20:00Z' })
      .expect(201);

    const after = readAtom((await getAtom()).text);
    const tv = after.entries.find((entry) => entry.id === tvBefore.id)!;
    expect(tv).toMatchObject({ published: '2010-04-08T17:00:00Z', updated: '2010-04-08T17:10:00Z' });
    expect(tv.content).toBe(CORRECTED);
    expect(tv.alternate).toBe(`${t.url}/live/${BLOG}/updates/tv`);
    expect(after.entries.map((entry) => entry.id)).not.toContain(minister.id);
    expect(after.tombstones).toEqual([
      { ref: minister.id, when: '2010-04-08T17:20:00Z', attributes: ['ref', 'when'], content: '' },
    ]);
    expect(after.updated).toBe('2010-04-08T17:20:00Z');
    expect(after.title).toBe('Bishkek: <day> & night');
    expect(after.links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${t.url}${atomUrl}` });
    expect(after.links).toContainEqual({ rel: 'alternate', type: 'text/html', href: `${t.url}/live/${BLOG}` });

    const json = await getJson();
    expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(json.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${t.url}${jsonUrl}`);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(after.entries.map((entry) => entry.id));
    expect(feed.items.find((item: { id: string }) => item.id === tv.id)).toMatchObject({
      date_published: '2010-04-08T17:00:00Z',
      date_modified: '2010-04-08T17:10:00Z',
      content_html: CORRECTED,
    });
    expect(feed).not.toHaveProperty('expired');
  });

  it('shows redacted and retracted text, and the reasons, in neither feed', async () => {
    const admin = bearer(t.token('admin', 'Night Editor'));
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/boy/redaction`)
      .set(admin)
      .send({ fields: ['body'], reference: 'Court order 2010/117', reason: 'Names a minor' })
      .expect(201);
    for (const feed of [(await getAtom()).text, (await getJson()).text]) {
      for (const hidden of [REDACTED, 'Aibek', RETRACTED, RETRACTION_REASON, 'Names a minor', POSTED])
        expect(feed).not.toContain(hidden);
      expect(feed).toContain('[redacted: Court order 2010/117]');
    }
  });

  it('answers If-None-Match with 304 until the next event changes the ETag, per format', async () => {
    for (const [url, format] of [
      [atomUrl, 'atom'],
      [jsonUrl, 'json'],
    ] as const) {
      const first = await fetchFeed(t, url);
      const revision = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body.revision;
      expect(first.headers.etag).toBe(`"${revision}-${format}"`);
      expect(first.headers['cache-control']).toBe('public, max-age=5, stale-while-revalidate=30');
      const unchanged = await fetchFeed(t, url, { 'If-None-Match': first.headers.etag }, 304);
      expect(unchanged.text).toBe('');
      await t.http
        .post(`/api/live-blogs/${BLOG}/updates`)
        .set(editor)
        .send({ kind: 'report', body: `Later, for ${format}.` })
        .expect(201);
      const changed = await fetchFeed(t, url, { 'If-None-Match': first.headers.etag });
      expect(changed.headers.etag).toBe(`"${revision + 1}-${format}"`);
      expect(changed.text).toContain(`Later, for ${format}.`);
    }
  });

  it('says a closed story has expired', async () => {
    await givenLiveBlog(t, { id: CLOSED, title: 'Naryn' }, { headers: editor });
    await t.http.post(`/api/live-blogs/${CLOSED}/close`).set(editor).send({ reason: 'Coverage ends' }).expect(201);
    const feed = JSON.parse((await fetchFeed(t, `/live/${CLOSED}/feed.json`)).text);
    expect(feed.expired).toBe(true);
    expect(JSON.stringify(feed)).not.toContain('Coverage ends');
  });

  it('answers an unknown story with 404', async () => {
    for (const url of ['/live/no-such-story/feed.atom', '/live/NOT_A_SLUG/feed.json']) {
      const response = await t.http.get(url).expect(404);
      expect(response.body.message).toMatch(/^no live blog "/);
    }
  });

  it('links both feeds from the reader page', async () => {
    const page = await t.http.get(`/live/${BLOG}`).expect(200);
    expect(page.text).toContain(
      `<link rel="alternate" type="application/atom+xml" href="${atomUrl}" title="Bishkek: &lt;day&gt; &amp; night (Atom)">`,
    );
    expect(page.text).toContain(
      `<link rel="alternate" type="application/feed+json" href="${jsonUrl}" title="Bishkek: &lt;day&gt; &amp; night (JSON Feed)">`,
    );
  });
});

describe('feeds behind PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { PUBLIC_URL: 'https://news.example' } });
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Bishkek' },
      { headers: editor, updates: [{ updateId: 'tv', kind: 'report', body: POSTED }] },
    );
  });
  afterAll(() => t.close());

  it('write every address from the configured public URL, whatever Host the request named', async () => {
    const atom = readAtom((await fetchFeed(t, `/live/${BLOG}/feed.atom`, { Host: 'evil.example' })).text);
    expect(atom.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: `https://news.example/live/${BLOG}/feed.atom`,
    });
    expect(atom.entries[0]!.alternate).toBe(`https://news.example/live/${BLOG}/updates/tv`);
    const json = JSON.parse((await fetchFeed(t, `/live/${BLOG}/feed.json`)).text);
    expect(json.home_page_url).toBe(`https://news.example/live/${BLOG}`);
  });
});

describe('feeds and the read budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { READ_RATE_LIMIT: '4', WRITE_RATE_LIMIT: '0' } });
  });
  afterAll(() => t.close());

  it('spend the client address’s READ_RATE_LIMIT like every public read', async () => {
    const statuses: number[] = [];
    for (const url of [
      '/live/a-story/feed.atom',
      '/live/a-story/feed.json',
      '/api/live-blogs',
      '/live/a-story/feed.atom',
    ])
      statuses.push((await t.http.get(url)).status);
    expect(statuses).toEqual([404, 404, 200, 404]);
    const refused = await t.http.get('/live/a-story/feed.json').expect(429);
    expect(refused.headers['retry-after']).toEqual(expect.any(String));
  });
});

/** A feed's response with its body as text: supertest has no parser for application/atom+xml or feed+json. */
async function fetchFeed(t: TestApp, url: string, headers: Record<string, string> = {}, status = 200) {
  const response = await t.http.get(url).set(headers).responseType('blob').expect(status);
  return { headers: response.headers, text: Buffer.isBuffer(response.body) ? response.body.toString('utf8') : '' };
}
