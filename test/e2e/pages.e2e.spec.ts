import { startedApp } from '../support/app.js';
import { SCRIPT_PAYLOAD, writeHostileLiveBlog } from '../support/payloads.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const STORY = 'kyrgyzstan-2010-04-08';

/** The JSON inside the page's ld+json element, and that element's raw text. */
function jsonLdOf(html: string) {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD element');
  return { raw: match[1]!, json: JSON.parse(match[1]!) as Record<string, unknown> };
}

describe('pages: the index and the reader page, rendered on the server', () => {
  const t = startedApp({ seed: true });

  it('lists the live blogs on the index, with a link to each page and to the API docs', async () => {
    const { text, headers } = await t.http.get('/').expect(200);
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(text).toContain('<a href="/live/kyrgyzstan-2010-04-08">Kyrgyzstan President Bakiyev refuses to resign</a>');
    expect(text).toContain('Last updated 17:37 GMT, Thursday, 8 April 2010');
    expect(text).toContain('has insisted he will not resign.');
    expect(text).toContain('href="/docs"');
    expect(text).toContain(`href="/audit/${STORY}"`);
  });

  it('without PUBLIC_URL, takes a Host for canonical and og:url only when it names this server', async () => {
    const page = (host: string) => t.http.get(`/live/${STORY}`).set('Host', host).expect(200);
    const own = new URL(t.url);
    const forged = (await page('evil.example')).text;
    expect(forged).not.toContain('evil.example');
    expect(forged).toContain(`<link rel="canonical" href="${t.url}/live/${STORY}">`);
    expect(forged).toContain(`<meta property="og:url" content="${t.url}/live/${STORY}">`);
    expect((await page(`127.0.0.1:${Number(own.port) + 1}`)).text).toContain(`href="${t.url}/live/${STORY}"`);
    expect((await page(`localhost:${own.port}`)).text).toContain(
      `<link rel="canonical" href="http://localhost:${own.port}/live/${STORY}">`,
    );
    expect((await t.http.get('/').set('Host', 'evil.example').expect(200)).text).not.toContain('evil.example');
  });

  it('renders the reference story as the BBC page read: headline, GMT time line, figures in words', async () => {
    const { text } = await t.http.get(`/live/${STORY}`).expect(200);
    expect(text).toContain(
      '<h1 class="story__headline" data-field="title">Kyrgyzstan President Bakiyev refuses to resign</h1>',
    );
    expect(text).toContain('Page last updated at 17:37 GMT, Thursday, 8 April 2010');
    expect(text).toContain('18:37 UK');
    expect(text).not.toMatch(/BST/);
    expect(text).toContain('75 dead, more than 1,000 injured');
    expect(text).toContain('March 2005');
    expect(text).toContain('data-place="Bishkek"');
    expect(text).toContain('data-revision="39"');
  });

  it('puts the article view’s LiveBlogPosting and Open Graph tags in the head', async () => {
    const { text } = await t.http.get(`/live/${STORY}`).expect(200);
    const { body: article } = await t.http.get(`/api/live-blogs/${STORY}`).expect(200);
    // Without PUBLIC_URL the API's JSON-LD names paths; the page makes them absolute from the request.
    const { json } = jsonLdOf(text);
    const origin = new URL(json.url as string).origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const absolute = (key: string, value: unknown) =>
      ['@id', 'url', 'mainEntityOfPage'].includes(key) && typeof value === 'string' && value.startsWith('/')
        ? `${origin}${value}`
        : value;
    expect(json).toEqual(JSON.parse(JSON.stringify(article.jsonLd, absolute)));
    expect(text).toContain('<meta property="og:title" content="Kyrgyzstan President Bakiyev refuses to resign">');
    expect(text).toContain('<meta property="og:type" content="article">');
  });

  it('sends a CSP without inline scripts, and the usual security headers, on every page', async () => {
    for (const path of ['/', `/live/${STORY}`, '/live/no-such-story']) {
      const { headers } = await t.http.get(path);
      const csp = headers['content-security-policy'] as string;
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });

  it('answers an unknown story with an HTML 404 page', async () => {
    const { text, headers } = await t.http.get('/live/no-such-story').expect(404);
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(text).toContain('There is no live page called “no-such-story”.');
    await t.http.get('/live/NOT%20A%20SLUG').expect(404);
  });

  it('pages through older updates without a script, and refuses a bad cursor', async () => {
    const { text } = await t.http.get(`/live/${STORY}?before=20`).expect(200);
    const revisions = [...text.matchAll(/data-update-id="[^"]+" data-revision="(\d+)"/g)].map((m) => Number(m[1]));
    expect(revisions.length).toBeGreaterThan(3);
    expect(Math.max(...revisions)).toBeLessThan(20);
    expect(text).not.toContain('/assets/js/live-page.js');
    for (const before of ['abc', '0', '1.5', '']) {
      const refused = await t.http.get(`/live/${STORY}?before=${before}`).expect(400);
      expect(refused.headers['content-type']).toMatch(/^text\/html/);
      expect(refused.text).toContain('“before” must be a whole number of 1 or more');
    }
  });

  it('serves its own assets and the Socket.IO browser bundle, and nothing else from node_modules', async () => {
    await t.http
      .get('/assets/css/site.css')
      .expect(200)
      .expect('content-type', /text\/css/);
    await t.http
      .get('/assets/js/live-page.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await t.http
      .get('/assets/vendor/socket.io/socket.io.esm.min.js')
      .expect(200)
      .expect('content-type', /javascript/);
    await t.http.get('/assets/vendor/socket.io/socket.io.js').expect(404);
    const outside = await t.http.get('/assets/vendor/socket.io/../package.json');
    expect([403, 404]).toContain(outside.status);
  });
});

describe('pages: every text field is escaped', () => {
  const t = startedApp();
  beforeAll(async () => {
    await writeHostileLiveBlog(t, 'hostile-story');
  });

  it('prints no payload raw, anywhere on the page', async () => {
    const { text } = await t.http.get('/live/hostile-story').expect(200);
    const body = text.slice(text.indexOf('<body>'));
    expect(body).not.toContain('<script>window.__pwned');
    expect(body).not.toMatch(/<img src=x onerror/i);
    expect(body).not.toMatch(/<svg onload/i);
    expect(body).not.toContain('javascript:');
    for (const field of [
      'title',
      'summary',
      'attribution',
      'location',
      'sources',
      'caption',
      'credit',
      'reason',
      'source',
      'scope',
      'note',
      'period',
      'timeline',
      'status',
    ]) {
      expect(body).toContain(`${field} &lt;/script&gt;&lt;script&gt;window.__pwned=1;`);
    }
  });

  it('embeds the JSON-LD so that no field closes its script element', async () => {
    const { text } = await t.http.get('/live/hostile-story').expect(200);
    const { raw, json } = jsonLdOf(text);
    expect(raw).not.toMatch(/<\/?script|<!--/i);
    expect(json.headline).toBe(`title ${SCRIPT_PAYLOAD}`);
    // The JSON-LD and the page's two module scripts (live-page.js, reader-tools.js): nothing a field injected.
    expect(text.match(/<script/g)).toHaveLength(3);
  });

  it('lists live blogs before closed ones, newest first within each', async () => {
    const auth = { Authorization: `Bearer ${t.token('editor')}` };
    await givenLiveBlog(t, { id: 'older-live', title: 'Older live', at: '2020-01-01T00:00:00Z' }, { headers: auth });
    await givenLiveBlog(t, { id: 'newest-closed', title: 'Newest closed' }, { headers: auth });
    await t.http.post('/api/live-blogs/newest-closed/close').set(auth).send({}).expect(201);
    const { text } = await t.http.get('/').expect(200);
    const order = [...text.matchAll(/<a href="\/live\/([a-z0-9-]+)">/g)].map((match) => match[1]);
    expect(order).toEqual(['hostile-story', 'older-live', 'newest-closed']);
  });

  it('escapes the index too', async () => {
    const { text } = await t.http.get('/').expect(200);
    expect(text).toContain('title &lt;/script&gt;&lt;script&gt;');
    expect(text).not.toContain('<script>window.__pwned');
  });
});
