import { loadConfig, ConfigError } from '../../src/config/config.js';
import { bearer, startApp, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'embed-story';
const TITLE = 'Floods <close> the valley & the pass';

describe('the embed, its oEmbed and update permalinks', () => {
  const t = startedApp({ env: { EMBED_ORIGINS: 'https://news.example.org, https://*.example.com' } });
  const editor = () => bearer(t.token('editor', 'Aida Sultanova'));
  const post = (updateId: string, body: string) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor()).send({ updateId, kind: 'report', body }).expect(201);

  beforeAll(async () => {
    await givenLiveBlog(t, { id: BLOG, title: TITLE }, { headers: editor() });
    // Sixty-one updates: the first is on the reader's second page (fifty a page).
    for (let n = 1; n <= 61; n++) await post(`u${n}`, `Update number ${n} from the valley.`);
  });

  describe('GET /embed/:id', () => {
    it('renders the latest updates with the follower script, framed only by EMBED_ORIGINS', async () => {
      const { text, headers } = await t.http.get(`/embed/${BLOG}`).expect(200);
      expect(headers['content-security-policy']).toContain(
        'frame-ancestors https://news.example.org https://*.example.com',
      );
      expect(headers['content-security-policy']).not.toContain("'none'; ");
      expect(headers['x-frame-options']).toBeUndefined();
      expect(headers['set-cookie']).toBeUndefined();
      expect(text).toContain('<script type="module" src="/assets/js/live-page.js"></script>');
      expect(text).toContain('<base target="_blank">');
      expect(text).toContain('data-embed data-keep-updates="10"');
      expect(text).toContain('Floods &lt;close&gt; the valley &amp; the pass');
      const shown = [...text.matchAll(/<article class="update[^"]*"\s+id="update-(u\d+)"/g)].map((m) => m[1]);
      expect(shown).toEqual(['u61', 'u60', 'u59', 'u58', 'u57', 'u56', 'u55', 'u54', 'u53', 'u52']);
      expect(text).toContain(`href="http://${new URL(t.url).host}/live/${BLOG}" rel="noopener"`);
      expect(text).not.toContain('application/ld+json');
    });

    it('leaves /live, /audit, /newsroom and /signin unframeable', async () => {
      for (const path of [`/live/${BLOG}`, `/audit/${BLOG}`, '/newsroom', '/signin', `/live/${BLOG}/updates/u1`]) {
        const { headers } = await t.http.get(path);
        expect({ path, csp: headers['content-security-policy'] }).toEqual({
          path,
          csp: expect.stringContaining("frame-ancestors 'none'"),
        });
        expect({ path, frame: headers['x-frame-options'] }).toEqual({ path, frame: 'DENY' });
      }
    });

    it('answers an unknown story with 404', async () => {
      await t.http.get('/embed/no-such-story').expect(404);
    });

    it('takes any site by default, and refuses an EMBED_ORIGINS entry that is not an origin', () => {
      expect(loadConfig({}).embed.origins).toEqual(['*']);
      for (const bad of ['news.example.org', 'https://news.example.org/path', 'ftp://x.org', "'self'"]) {
        expect(() => loadConfig({ EMBED_ORIGINS: bad })).toThrow(ConfigError);
      }
    });
  });

  describe('GET /oembed', () => {
    const oembed = (query: Record<string, string>) => t.http.get('/oembed').query(query);

    it('answers a story address with a rich frame of its embed', async () => {
      const { body, headers } = await oembed({ url: `${t.url}/live/${BLOG}`, format: 'json' }).expect(200);
      expect(headers['content-type']).toMatch(/^application\/json/);
      expect(body).toEqual({
        version: '1.0',
        type: 'rich',
        html: expect.stringMatching(new RegExp(`^<iframe src="${t.url}/embed/${BLOG}" width="600" height="800"`)),
        width: 600,
        height: 800,
        title: TITLE,
        provider_name: 'Dateline',
        provider_url: `${t.url}/`,
        cache_age: 300,
      });
      expect(body.html).toContain('title="Floods &lt;close&gt; the valley &amp; the pass (live)"');
    });

    it('answers an update permalink, within maxwidth and maxheight', async () => {
      const { body } = await oembed({ url: `${t.url}/live/${BLOG}/updates/u3`, maxwidth: '320', maxheight: '480' });
      expect(body).toMatchObject({ width: 320, height: 480, title: TITLE });
      expect(body.html).toContain('width="320" height="480"');
    });

    it('answers 404 for an unknown story or update, or another site’s address', async () => {
      for (const url of [
        `${t.url}/live/no-such-story`,
        `${t.url}/live/${BLOG}/updates/no-such-update`,
        `https://elsewhere.example/live/${BLOG}`,
        `${t.url}/`,
        'not a url',
      ]) {
        const { body } = await oembed({ url }).expect(404);
        expect(body.statusCode).toBe(404);
      }
    });

    it('answers 501 for format=xml, and 400 for a missing url or a bad maxwidth', async () => {
      await oembed({ url: `${t.url}/live/${BLOG}`, format: 'xml' }).expect(501);
      const missing = await oembed({}).expect(400);
      expect(missing.body.details.fields).toEqual([{ field: 'url', problems: expect.any(Array) }]);
      const bad = await oembed({ url: `${t.url}/live/${BLOG}`, maxwidth: 'wide' }).expect(400);
      expect(bad.body.details.fields[0].field).toBe('maxwidth');
    });

    it('writes PUBLIC_URL’s origin into the frame and takes addresses of it', async () => {
      const behind = await startApp({ env: { PUBLIC_URL: 'https://news.example.org' } });
      try {
        await behind.http
          .post('/api/live-blogs')
          .set(bearer(behind.token('editor')))
          .send({ id: BLOG, title: TITLE });
        const { body } = await behind.http
          .get('/oembed')
          .query({ url: `https://news.example.org/live/${BLOG}` })
          .expect(200);
        expect(body.html).toContain(`src="https://news.example.org/embed/${BLOG}"`);
        expect(body.provider_url).toBe('https://news.example.org/');
        await behind.http
          .get('/oembed')
          .query({ url: `https://elsewhere.example.org/live/${BLOG}` })
          .expect(404);
      } finally {
        await behind.close();
      }
    });

    it('is discovered from the reader page', async () => {
      const { text } = await t.http.get(`/live/${BLOG}`).expect(200);
      const query = new URLSearchParams({ url: `${t.url}/live/${BLOG}`, format: 'json' });
      const href = `${t.url}/oembed?${query}`.replace(/&/g, '&amp;');
      expect(text).toContain(`<link rel="alternate" type="application/json+oembed" href="${href}"`);
    });
  });

  describe('GET /live/:id/updates/:updateId', () => {
    it('renders the older page that holds an update sixty posts deep, with its anchor and a canonical link', async () => {
      const { text } = await t.http.get(`/live/${BLOG}/updates/u1`).expect(200);
      expect(text).toContain('id="update-u1"');
      expect(text).toContain('Update number 1 from the valley.');
      expect(text).not.toContain('id="update-u61"');
      expect(text).toContain(`<link rel="canonical" href="${t.url}/live/${BLOG}/updates/u1">`);
      expect(text).toContain('<a href="#update-u1">Go to the linked update</a>');
    });

    it('renders the live first page for a recent update', async () => {
      const { text } = await t.http.get(`/live/${BLOG}/updates/u61`).expect(200);
      expect(text).toContain('id="update-u61"');
      expect(text).toContain('/assets/js/live-page.js');
    });

    it('links every update of the reader page to its permalink', async () => {
      const { text } = await t.http.get(`/live/${BLOG}`).expect(200);
      expect(text).toContain(`href="/live/${BLOG}/updates/u61#update-u61">Link`);
      expect(text).toContain(`href="/live/${BLOG}/updates/u12#update-u12">Link`);
    });

    it('answers 404 for an unknown update, and 410 without its text once it is retracted', async () => {
      await t.http.get(`/live/${BLOG}/updates/no-such-update`).expect(404);
      await post('to-retract', 'A claim that turned out wrong.');
      await t.http.get(`/live/${BLOG}/updates/to-retract`).expect(200);
      await t.http
        .post(`/api/live-blogs/${BLOG}/updates/to-retract/retraction`)
        .set(editor())
        .send({ reason: 'not confirmed' })
        .expect(201);
      const { text, headers } = await t.http.get(`/live/${BLOG}/updates/to-retract`).expect(410);
      expect(headers['content-type']).toMatch(/^text\/html/);
      expect(text).toContain('This update was retracted');
      expect(text).not.toContain('A claim that turned out wrong.');
      await t.http
        .get('/oembed')
        .query({ url: `${t.url}/live/${BLOG}/updates/to-retract` })
        .expect(404);
    });
  });
});
