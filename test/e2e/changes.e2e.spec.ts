import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-changes';

describe('the public change feed', () => {
  const t = startedApp();
  let editor: Record<string, string>;
  const changes = (query: string) => t.http.get(`/api/live-blogs/${BLOG}/changes${query}`);

  beforeAll(async () => {
    editor = bearer(t.token('editor'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Osh' },
      { headers: editor, updates: [{ kind: 'report', body: 'Crowds in Osh.', updateId: 'kept' }] },
    );
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ kind: 'report', body: 'Wrong town named.', updateId: 'gone' })
      .expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/gone/retraction`)
      .set(editor)
      .send({ reason: 'Wrong town' })
      .expect(201);
  });

  it('returns the events after a revision, keyed and cacheable by revision', async () => {
    const response = await changes('?afterRevision=0').expect(200);
    expect(response.body).toMatchObject({
      liveBlogId: BLOG,
      epoch: t.store.epoch,
      afterRevision: 0,
      revision: 3,
      nextAfterRevision: 3,
      hasMore: false,
    });
    expect(
      response.body.events.map((event: { revision: number; type: string }) => [event.revision, event.type]),
    ).toEqual([
      [1, 'UpdatePosted'],
      [2, 'UpdatePosted'],
      [3, 'UpdateRetracted'],
    ]);
    expect(response.headers.etag).toBe('"3"');
    expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
    await changes('?afterRevision=0').set('If-None-Match', '"3"').expect(304);
  });

  it('never serves the text of an update retracted since', async () => {
    const response = await changes('').expect(200);
    expect(JSON.stringify(response.body)).not.toContain('Wrong town named');
    expect(response.body.events[2].data).toEqual({ updateId: 'gone', retracted: true });
    expect(response.body.events[1].data.body).toBe('Crowds in Osh.');
  });

  it('pages with limit and says there is more', async () => {
    const { body } = await changes('?afterRevision=-1&limit=2').expect(200);
    expect(body).toMatchObject({ nextAfterRevision: 1, hasMore: true });
    expect(body.events).toHaveLength(2);
  });

  it('answers 400 naming the field for a bad query and 404 for an unknown blog', async () => {
    const bad = await changes('?afterRevision=soon').expect(400);
    expect(bad.body.details.fields[0].field).toBe('afterRevision');
    await changes('?limit=100000').expect(400);
    await t.http.get('/api/live-blogs/no-such-blog/changes').expect(404);
  });
});
