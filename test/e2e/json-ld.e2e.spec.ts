import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-json-ld';
const SITE = 'https://news.example.org';
const LOGO = 'https://news.example.org/brand/logo.png';
/** An ISO 8601 instant that names its zone (Z or an offset). */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, any>;

function jsonLdOf(html: string): Json {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD element');
  return JSON.parse(match[1]!) as Json;
}

describe('JSON-LD: the LiveBlogPosting search engines read', () => {
  const t = startedApp({ env: { PUBLIC_URL: SITE, PUBLISHER_NAME: 'Example News', PUBLISHER_LOGO_URL: LOGO } });
  let editor: Record<string, string>;
  const api = `/api/live-blogs/${BLOG}`;
  const page = async () => jsonLdOf((await t.http.get(`/live/${BLOG}`).expect(200)).text);

  beforeAll(async () => {
    editor = bearer(t.token('editor'));
    const at = (minute: number) => `2010-04-08T12:${String(minute).padStart(2, '0')}:00+06:00`;
    await givenLiveBlog(t, { id: BLOG, title: 'Kyrgyzstan unrest', at: at(0) }, { headers: editor });
    const post = (body: object) => t.http.post(`${api}/updates`).set(editor).send(body).expect(201);
    await post({
      updateId: 'map',
      kind: 'report',
      body: 'A map of the region.',
      at: at(1),
      media: { url: 'https://img.example.org/map.png' },
    });
    await post({
      updateId: 'seized',
      kind: 'breaking',
      headline: 'Government building seized',
      body: '<p>Protesters stormed it. Police left.</p>',
      byline: 'Rayhan Demytrie',
      at: at(2),
    });
    await post({ updateId: 'hoax', kind: 'report', body: 'Twelve dead at the depot.', at: at(3) });
    await t.http
      .post(`${api}/updates/hoax/retraction`)
      .set(editor)
      .send({ reason: 'A hoax', at: at(4) })
      .expect(201);
    await t.http
      .post(`${api}/updates/map/corrections`)
      .set(editor)
      .send({ body: 'A map of Bishkek and Osh.', reason: 'Named the cities', at: at(5) })
      .expect(201);
  });

  it('names the canonical URL, the stable publication date, the publisher and the story image', async () => {
    const jsonLd = await page();
    const url = `${SITE}/live/${BLOG}`;
    const publisher = { '@type': 'Organization', name: 'Example News', logo: { '@type': 'ImageObject', url: LOGO } };
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      '@id': url,
      url,
      mainEntityOfPage: url,
      headline: 'Kyrgyzstan unrest',
      datePublished: '2010-04-08T06:00:00Z',
      coverageStartTime: '2010-04-08T06:00:00Z',
      dateModified: '2010-04-08T06:05:00Z',
      author: publisher,
      publisher,
      image: ['https://img.example.org/map.png'],
    });
    expect(jsonLd).not.toHaveProperty('coverageEndTime');
    for (const key of ['datePublished', 'dateModified', 'coverageStartTime']) expect(jsonLd[key]).toMatch(ZONED);
    const { text } = await t.http.get(`/live/${BLOG}`).expect(200);
    expect(text).toContain(`<link rel="canonical" href="${url}">`);
  });

  it('gives every update its own URL, headline, dates, text and author, and leaves retracted ones out', async () => {
    const updates: Json[] = (await page()).liveBlogUpdate;
    expect(updates.map((update) => update.identifier)).toEqual(['seized', 'map']);
    const [seized, map] = updates as [Json, Json];
    expect(seized).toEqual({
      '@type': 'BlogPosting',
      '@id': `${SITE}/live/${BLOG}#update-seized`,
      url: `${SITE}/live/${BLOG}#update-seized`,
      identifier: 'seized',
      headline: 'Government building seized',
      datePublished: '2010-04-08T06:02:00Z',
      articleBody: 'Protesters stormed it. Police left.',
      author: { '@type': 'Person', name: 'Rayhan Demytrie' },
    });
    expect(map).toMatchObject({
      url: `${SITE}/live/${BLOG}#update-map`,
      headline: 'A map of Bishkek and Osh.',
      datePublished: '2010-04-08T06:01:00Z',
      dateModified: '2010-04-08T06:05:00Z',
      articleBody: 'A map of Bishkek and Osh.',
      author: { '@type': 'Organization', name: 'Example News' },
      image: 'https://img.example.org/map.png',
      correction: { '@type': 'CorrectionComment', text: 'Named the cities', datePublished: '2010-04-08T06:05:00Z' },
    });
    for (const update of updates)
      for (const key of ['datePublished', 'dateModified'].filter((name) => name in update))
        expect(update[key]).toMatch(ZONED);
    expect(JSON.stringify(updates)).not.toContain('depot');
  });

  it('is the article view’s own, and adds coverageEndTime once the story is closed', async () => {
    const { body: article } = await t.http.get(api).expect(200);
    expect(await page()).toEqual(article.jsonLd);
    await t.http.post(`${api}/close`).set(editor).send({ at: '2010-04-08T12:30:00+06:00' }).expect(201);
    const closed = await page();
    expect(closed.coverageEndTime).toBe('2010-04-08T06:30:00Z');
    expect(closed.datePublished).toBe('2010-04-08T06:00:00Z');
  });
});
