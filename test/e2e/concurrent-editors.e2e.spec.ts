import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-concurrent';
const EDITORS = 20;
const ROUNDS = 5;

/** Twenty editors on one story at once, with and without If-Match. */
describe('concurrent editors', () => {
  const t = startedApp();
  let tokens: Record<string, string>[];

  beforeAll(async () => {
    tokens = Array.from({ length: EDITORS }, (_, index) => bearer(t.token('editor', `Editor ${index + 1}`)));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh' }, { headers: tokens[0]! });
  });

  const stream = () => t.store.readStream(`liveblog-${BLOG}`);
  const post = (editor: number, body: string, headers: Record<string, string> = {}) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(tokens[editor]!).set(headers).send({ kind: 'report', body });

  it('with If-Match: exactly one write per revision succeeds, the others get 412, nothing is lost', async () => {
    let successes = 0;
    let stale = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { revision } = (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body;
      const responses = await Promise.all(
        tokens.map((_, editor) => post(editor, `Round ${round}, editor ${editor}`, { 'If-Match': `"${revision}"` })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, ...Array(EDITORS - 1).fill(412)]);
      const winner = responses.find((response) => response.status === 201)!;
      expect(winner.body.revision).toBe(revision + 1);
      for (const loser of responses.filter((response) => response.status === 412)) {
        expect(loser.body.details).toEqual({ currentRevision: revision + 1 });
      }
      successes += 1;
      stale += EDITORS - 1;
    }
    const events = await stream();
    console.log(`If-Match: ${ROUNDS} rounds × ${EDITORS} editors: ${successes} written, ${stale} answered 412`);
    expect(events.filter((event) => event.type === 'UpdatePosted')).toHaveLength(ROUNDS);
  });

  it('without If-Match: every write lands, with contiguous revisions and every body stored once', async () => {
    const before = (await stream()).length;
    const responses = await Promise.all(tokens.map((_, editor) => post(editor, `Unconditional ${editor}`)));
    const statuses = responses.map((response) => response.status);
    const conflicts = statuses.filter((status) => status !== 201).length;
    console.log(`no If-Match: ${EDITORS} editors at once: ${EDITORS - conflicts} written, ${conflicts} refused`);
    expect(statuses).toEqual(Array(EDITORS).fill(201));
    const revisions = responses.map((response) => response.body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: EDITORS }, (_, index) => before + index));
    const events = await stream();
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
    const bodies = events
      .slice(before)
      .map((event) => event.data.body)
      .sort();
    expect(bodies).toEqual(tokens.map((_, editor) => `Unconditional ${editor}`).sort());
    const integrity = await t.http
      .get(`/api/live-blogs/${BLOG}/integrity`)
      .set(bearer(t.token('auditor')))
      .expect(200);
    expect(integrity.body).toMatchObject({ ok: true, checked: events.length });
  });
});
