import { bearer, startApp, type TestApp } from '../support/app.js';
import type { Clock } from '../../src/kernel/index.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-dates';
const NOW = '2010-04-08T17:37:00Z';

/** The server's clock, which the test moves (a node whose clock runs ahead, then one that does not). */
class MovableClock implements Clock {
  constructor(private instant = Date.parse(NOW)) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(at: string): void {
    this.instant = Date.parse(at);
  }
}

/** No writer, and no node's clock, can lock the other writers out of a story with a date ahead. */
describe('dates of writes', () => {
  let t: TestApp;
  const clock = new MovableClock();
  const tokens = { first: '', second: '', admin: '' };
  const post = (token: string, fields = {}) =>
    t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(token))
      .send({ kind: 'report', body: 'Shot', ...fields });

  beforeEach(async () => {
    clock.set(NOW);
    t = await startApp({ clock });
    tokens.first = t.token('editor', 'Rayhan Demytrie');
    tokens.second = t.token('editor', 'Richard Galpin');
    tokens.admin = t.token('admin', 'Desk Admin');
    await givenLiveBlog(t, { id: BLOG, title: 'Bishkek' }, { headers: bearer(tokens.first) });
  });
  afterEach(() => t.close());

  it('refuses an editor’s at minutes ahead, so another editor’s write and an admin’s close still land', async () => {
    const ahead = await post(tokens.first, { at: '2010-04-08T17:41:50Z' });
    expect(ahead.status).toBe(400);
    expect(ahead.body.details).toMatchObject({ field: 'at' });
    await post(tokens.second).expect(201);
    await t.http.post(`/api/live-blogs/${BLOG}/close`).set(bearer(tokens.admin)).send({}).expect(201);
  });

  it('dates an undated write no earlier than the last change another node’s clock made', async () => {
    clock.set('2010-04-08T17:41:50Z');
    await post(tokens.first).expect(201);
    clock.set(NOW);
    const second = await post(tokens.second).expect(201);
    await t.http.post(`/api/live-blogs/${BLOG}/close`).set(bearer(tokens.admin)).send({}).expect(201);
    const events = await t.store.readStream(`liveblog-${BLOG}`);
    const dates = events.map((event) => event.metadata.at as string);
    console.log(`dates: ${dates.join(', ')} (second write at revision ${second.body.revision})`);
    expect(dates.slice(1)).toEqual(['2010-04-08T17:41:50Z', '2010-04-08T17:41:50Z', '2010-04-08T17:41:50Z']);
  });

  it('refuses an editor’s at before the blog’s last change and takes one at it', async () => {
    await post(tokens.first, { at: '2010-04-08T17:36:00Z' }).expect(400);
    await post(tokens.first, { at: NOW }).expect(201);
  });
});
