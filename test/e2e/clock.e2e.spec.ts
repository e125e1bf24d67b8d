import { bearer, startedApp } from '../support/app.js';
import { PinnedClock } from '../support/clock.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-evening';
/** "Page last updated at 17:37 GMT" on the reference story's day. */
const NOW = '2010-04-08T17:37:00Z';

describe('the server clock, pinned', () => {
  const clock = new PinnedClock(NOW);
  const t = startedApp({ clock });
  let editor: Record<string, string>;
  const post = (fields: object) =>
    t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ kind: 'report', body: 'Gunfire after nightfall.', ...fields });

  beforeAll(async () => {
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Bishkek: the evening' }, { headers: editor });
  });

  it('dates an update sent without `at` at the pinned now, in the story and in the store', async () => {
    // when
    await post({}).expect(201);
    // then
    const [, posted] = await t.store.readStream(`liveblog-${BLOG}`);
    expect(posted!.metadata.at).toBe(NOW);
    expect(posted!.recordedAt).toBe(new Date(NOW).toISOString());
    const article = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
    expect(article.lastUpdatedAt).toBe(NOW);
  });

  it('takes a story date up to the pinned now, and refuses one a second ahead', async () => {
    // when
    const now = await post({ at: NOW });
    const later = await post({ at: '2010-04-08T17:37:01Z' });
    // then
    expect(now.status).toBe(201);
    expect(later.status).toBe(400);
    expect(later.body.details).toMatchObject({ field: 'at' });
  });
});
