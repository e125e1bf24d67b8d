import { bearer, startedApp } from '../support/app.js';

const STORY = 'kyrgyzstan-2010-04-08';

describe('readers: the reference story', () => {
  const t = startedApp({ seed: true });

  it('lists the reference story', async () => {
    const response = await t.http.get('/api/live-blogs').expect(200);
    expect(response.body).toEqual([
      expect.objectContaining({
        id: STORY,
        title: 'Kyrgyzstan President Bakiyev refuses to resign',
        status: 'live',
        lastUpdatedAt: '2010-04-08T17:37:00Z',
      }),
    ]);
  });

  it('serves the article as the page stood at 17:37 GMT', async () => {
    const { body } = await t.http.get(`/api/live-blogs/${STORY}`).expect(200);
    expect(body.title).toBe('Kyrgyzstan President Bakiyev refuses to resign');
    expect(body.lastUpdatedAt).toBe('2010-04-08T17:37:00Z');
    expect(body.casualties.dead).toEqual({ count: 75, qualifier: 'exact' });
    expect(body.casualties.injured).toEqual({ count: 1000, qualifier: 'more-than' });
    expect(body.casualties.source).toEqual(expect.any(String));
    expect(body.timeline).toHaveLength(8);
    expect(body.timeline[0].period).toMatch(/2005/);
    expect(body.locations.map((location: { place: string }) => location.place)).toEqual(
      expect.arrayContaining(['Bishkek', 'Osh', 'Naryn', 'Talas', 'Manas']),
    );
    expect(body.updates.length).toBeGreaterThan(5);
    const revisions = body.updates.map((update: { revision: number }) => update.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    expect(body.jsonLd['@type']).toBe('LiveBlogPosting');
    expect(body.jsonLd.liveBlogUpdate).toHaveLength(body.updates.length);
  });

  it('answers 304 to If-None-Match with the current revision, and 200 once it moved on', async () => {
    const first = await t.http.get(`/api/live-blogs/${STORY}`).expect(200);
    expect(first.headers.etag).toBe(`"${first.body.revision}"`);
    const unchanged = await t.http.get(`/api/live-blogs/${STORY}`).set('If-None-Match', first.headers.etag).expect(304);
    expect(unchanged.text).toBe('');
    await t.http
      .post(`/api/live-blogs/${STORY}/updates`)
      .set(bearer(t.token('editor')))
      .send({ kind: 'report', body: 'A later development.' })
      .expect(201);
    const changed = await t.http.get(`/api/live-blogs/${STORY}`).set('If-None-Match', first.headers.etag).expect(200);
    expect(changed.body.revision).toBe(first.body.revision + 1);
  });

  // Anonymous reads are answered before Nest's route (article-fast-path.ts); signed-in ones by the route.
  it('sends an anonymous reader the same article, ETag and type as the route sends a signed-in one', async () => {
    const anonymous = await t.http.get(`/api/live-blogs/${STORY}`).buffer(true).expect(200);
    const signedIn = await t.http
      .get(`/api/live-blogs/${STORY}`)
      .set(bearer(t.token('auditor')))
      .buffer(true)
      .expect(200);
    expect(anonymous.text).toBe(signedIn.text);
    expect(anonymous.headers.etag).toBe(signedIn.headers.etag);
    expect(anonymous.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(signedIn.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-request-id'])
      expect(anonymous.headers[header]).toEqual(expect.any(String));
    const missing = await t.http.get('/api/live-blogs/no-such-story').expect(404);
    expect(missing.body.message).toBe('no live blog "no-such-story"');
    await t.http.get(`/api/live-blogs/${STORY}?fields=all`).expect(200);
    await t.http.head(`/api/live-blogs/${STORY}`).expect(200);
  });

  it('pages through older updates by revision', async () => {
    const firstPage = await t.http.get(`/api/live-blogs/${STORY}/updates?limit=3`).expect(200);
    expect(firstPage.body.updates).toHaveLength(3);
    const before = firstPage.body.nextBeforeRevision;
    expect(before).toBe(firstPage.body.updates[2].revision);
    const secondPage = await t.http
      .get(`/api/live-blogs/${STORY}/updates?limit=3&beforeRevision=${before}`)
      .expect(200);
    for (const update of secondPage.body.updates) expect(update.revision).toBeLessThan(before);
  });

  it('answers 404 in the one error shape for an unknown or malformed id', async () => {
    const unknown = await t.http.get('/api/live-blogs/no-such-story').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toEqual({
      type: 'https://dateline.invalid/problems/not_found',
      title: 'Not Found',
      status: 404,
      detail: 'no live blog "no-such-story"',
      kind: 'not_found',
      statusCode: 404,
      error: 'Not Found',
      message: 'no live blog "no-such-story"',
    });
    const malformed = await t.http.get('/api/live-blogs/NOT_A_SLUG').expect(404);
    expect(malformed.body.detail).toBe('no live blog "NOT_A_SLUG"');
  });
});
