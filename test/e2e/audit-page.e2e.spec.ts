import { addAccount, signIn } from '../support/accounts.js';
import { bearer, startedApp } from '../support/app.js';

const STORY = 'kyrgyzstan-2010-04-08';
const fragment = (query: string) => `/audit/${STORY}/as-of?${query}`;

describe("auditor page: the shell and the reader's page as it stood", () => {
  const t = startedApp({ seed: true });
  let auditor: Record<string, string>;

  beforeAll(async () => {
    auditor = bearer(t.token('auditor', 'Ann Auditor'));
  });

  it('serves the page to anyone, with no story data beyond the headline, under the CSP', async () => {
    const response = await t.http
      .get(`/audit/${STORY}`)
      .expect(200)
      .expect('Content-Type', /text\/html/);
    expect(response.text).toContain('<label for="token">Auditor token</label>');
    expect(response.text).toContain('npm run token -- --role auditor');
    expect(response.text).not.toContain('us-envoy-meets-otunbayeva');
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  it('names a signed-in account on the page, kept out of shared caches; its cookie reads the fragment', async () => {
    await addAccount(t, { username: 'ann', displayName: 'Ann Auditor', role: 'auditor' });
    const { cookie } = await signIn(t, 'ann');
    const page = await t.http.get(`/audit/${STORY}`).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('data-account-name="Ann Auditor" data-account-role="auditor"');
    expect(page.headers['cache-control']).toBe('private, no-store');
    const anonymous = await t.http.get(`/audit/${STORY}`).expect(200);
    expect(anonymous.text).not.toContain('data-account-role');
    const at1737 = await t.http.get(fragment('revision=39')).set('Cookie', cookie).expect(200);
    expect(at1737.text).toContain('data-revision="39"');
  });

  it('answers an unknown story with a 404 page', async () => {
    const response = await t.http
      .get('/audit/no-such-story')
      .expect(404)
      .expect('Content-Type', /text\/html/);
    expect(response.text).toContain('no-such-story');
  });

  it('renders the 17:37 revision with the reader page partial, an earlier one without what came later', async () => {
    const at1737 = await t.http.get(fragment('revision=39')).set(auditor).expect(200);
    expect(at1737.headers['content-type']).toMatch(/^text\/html/);
    expect(at1737.headers['cache-control']).toBe('private, no-store');
    expect(at1737.text).toContain('data-revision="39"');
    expect(at1737.text).toContain('Page last updated at 17:37 GMT, Thursday, 8 April 2010');
    expect(at1737.text).toContain('data-update-id="us-envoy-meets-otunbayeva"');
    const earlier = await t.http.get(fragment('revision=32')).set(auditor).expect(200);
    expect(earlier.text).toContain('Page last updated at 16:00 GMT, Thursday, 8 April 2010');
    expect(earlier.text).not.toContain('us-envoy-meets-otunbayeva');
    expect(earlier.text).not.toContain('<html');
  });

  it('finds the revision standing at an instant', async () => {
    const response = await t.http.get(fragment('at=2010-04-08T12:10:00Z')).set(auditor).expect(200);
    expect(response.text).toContain('data-revision="24"');
  });

  it('never shows an update retracted by then, as readers never saw it', async () => {
    const editor = bearer(t.token('editor'));
    const path = `/api/live-blogs/${STORY}/updates/us-envoy-meets-otunbayeva/retraction`;
    await t.http.post(path).set(editor).send({ reason: 'Not confirmed' }).expect(201);
    const after = await t.http.get(fragment('revision=40')).set(auditor).expect(200);
    expect(after.text).not.toContain('us-envoy-meets-otunbayeva');
    const before = await t.http.get(fragment('revision=39')).set(auditor).expect(200);
    expect(before.text).toContain('us-envoy-meets-otunbayeva');
    expect(before.text).not.toContain('update--retracted');
  });

  it('shows the record on request: an update retracted by then, struck through with its reason', async () => {
    const record = await t.http.get(fragment('revision=40&view=record')).set(auditor).expect(200);
    const retracted = /<article class="update[^"]* update--retracted"[^>]*data-update-id="([^"]+)"/.exec(record.text);
    expect(retracted?.[1]).toBe('us-envoy-meets-otunbayeva');
    expect(record.text).toMatch(/<strong>Retracted<\/strong>[\s\S]*?Not confirmed/);
    const before = await t.http.get(fragment('revision=39&view=record')).set(auditor).expect(200);
    expect(before.text).not.toContain('update--retracted');
    await t.http.get(fragment('revision=40&view=everything')).set(auditor).expect(400);
  });

  it('needs an auditor token (401, 403), a known story (404) and a valid point (400, 404)', async () => {
    await t.http.get(fragment('revision=1')).expect(401);
    await t.http
      .get(fragment('revision=1'))
      .set(bearer(t.token('editor')))
      .expect(403);
    await t.http
      .get(fragment('revision=1'))
      .set(bearer(t.token('admin')))
      .expect(200);
    await t.http.get('/audit/no-such-story/as-of?revision=1').set(auditor).expect(404);
    await t.http.get(fragment('revision=999')).set(auditor).expect(404);
    await t.http.get(fragment('revision=abc')).set(auditor).expect(400);
    await t.http.get(fragment('at=2010-04-08T17:37:00')).set(auditor).expect(400);
    await t.http.get(fragment('revision=1&at=2010-04-08T17:37:00Z')).set(auditor).expect(400);
  });
});
