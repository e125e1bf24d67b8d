import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandHandler } from '../../src/live-blog/application/command-handler.js';
import { STORY_FOLDER } from '../../src/live-blog/import/seed.js';
import { importLiveBlog } from '../../src/live-blog/import/live-blog-importer.js';
import { bearer, startedApp } from '../support/app.js';

const BLOG = 'kyrgyzstan-2010-04-08';
const LINES = readFileSync(join(STORY_FOLDER, 'bbc-kyrgyzstan-2010-04-08.jsonl'), 'utf8').trim().split('\n');
const OSH = JSON.parse(LINES.find((line) => line.includes('"update-osh-scuffles"'))!).data.body as string;
const LAST_LINE = LINES.length - 1;

type Json = Record<string, any>;

/** What readers would have been served, rebuilt from an auditor's view: retracted updates out, the first page of updates. */
function asReadersSawIt(view: Json): Json {
  const { updates, nextBeforeRevision: _cursor, ...article } = view;
  const shown = updates.filter((update: Json) => update.retracted === null).slice(0, 50);
  return {
    ...article,
    updates: shown.map(({ author, corrections, retracted, redactions, origin, ...update }: Json) => update),
  };
}

/**
 * The page itself: not the paging cursor, nor the signed checkpoint served beside it (signed when
 * served), nor its JSON-LD (a rendering for search engines, built from the site's settings when served).
 */
const withoutCursor = ({ nextBeforeRevision, checkpoint, jsonLd, ...article }: Json) => article;

describe('auditors: the reference story as it stood at any point', () => {
  const t = startedApp();
  let auditor: Record<string, string>;
  /** The public article readers were served after each revision. */
  const served = new Map<number, Json>();
  const publicArticle = async () => (await t.http.get(`/api/live-blogs/${BLOG}`).expect(200)).body as Json;
  const asOf = async (query: string) =>
    (await t.http.get(`/api/live-blogs/${BLOG}/as-of${query}`).set(auditor).expect(200)).body as Json;

  beforeAll(async () => {
    auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const commands = t.app.get(CommandHandler);
    // Line by line, through the importer the seed uses, noting the page readers got after each.
    for (const line of LINES) {
      await importLiveBlog(line, commands);
      const article = await publicArticle();
      served.set(article.revision, article);
    }
    const editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    const galpin = bearer(t.token('editor', 'Richard Galpin'));
    const url = `/api/live-blogs/${BLOG}`;
    await t.http
      .post(`${url}/updates/gunfire-after-nightfall/corrections`)
      .set(editor)
      .send({ body: 'Gunfire was heard after nightfall.', reason: 'Trimmed' })
      .expect(201);
    await t.http
      .post(`${url}/updates/osh-scuffles/retraction`)
      .set(galpin)
      .send({ reason: 'Could not be confirmed' })
      .expect(201);
    await t.http.put(`${url}/updates/us-envoy-meets-otunbayeva/pin`).set(editor).send({}).expect(201);
    await t.http
      .post(`${url}/casualty-figures`)
      .set(galpin)
      .send({ dead: { count: 76, qualifier: 'at-least' }, source: 'Health ministry' })
      .expect(201);
    const now = await publicArticle();
    served.set(now.revision, now);
  });

  it('shows at revision 0 the page readers got at revision 0', async () => {
    const view = await asOf('?revision=0');
    expect(view.revision).toBe(0);
    expect(asReadersSawIt(view)).toEqual(withoutCursor(served.get(0)!));
  });

  it('shows at 17:37 GMT the page readers got when the last line was published', async () => {
    const view = await asOf('?at=2010-04-08T17:37:00Z');
    expect(view).toMatchObject({ revision: LAST_LINE, lastUpdatedAt: '2010-04-08T17:37:00Z' });
    expect(asReadersSawIt(view)).toEqual(withoutCursor(served.get(LAST_LINE)!));
  });

  it('shows now, by instant or by default, the page readers get now', async () => {
    const current = await publicArticle();
    expect(asReadersSawIt(await asOf(`?at=${new Date().toISOString()}`))).toEqual(withoutCursor(current));
    expect(asReadersSawIt(await asOf(''))).toEqual(withoutCursor(current));
  });

  it('shows at every revision the page readers got then', async () => {
    for (const [revision, article] of served) {
      expect(asReadersSawIt(await asOf(`?revision=${revision}`))).toEqual(withoutCursor(article));
    }
  });

  it("pages the record's updates like the public view: each once, newest first, retracted ones included", async () => {
    const whole = await asOf('?limit=500');
    expect(whole.nextBeforeRevision).toBeNull();
    const paged: Json[] = [];
    let page = await asOf('?limit=7');
    for (;;) {
      expect(page.updates.length).toBeLessThanOrEqual(7);
      paged.push(...page.updates);
      if (page.nextBeforeRevision === null) break;
      page = await asOf(`?limit=7&beforeRevision=${page.nextBeforeRevision}`);
    }
    expect(paged).toEqual(whole.updates);
    expect(paged.some((update) => update.retracted !== null)).toBe(true);
    // A page of a past state pages that state's record.
    const past = await asOf(`?revision=${LAST_LINE}&limit=3`);
    expect(past.updates.map((update: Json) => update.updateId)).toEqual(
      (await asOf(`?revision=${LAST_LINE}&limit=500`)).updates.slice(0, 3).map((update: Json) => update.updateId),
    );
    const bytes = (view: Json) => JSON.stringify(view).length;
    console.log(
      `as-of: ${whole.updates.length} updates in ${bytes(whole)} bytes; 7 a page: ${bytes(await asOf('?limit=7'))} bytes`,
    );
  });

  it('resolves an instant to the last event dated at or before it', async () => {
    expect((await asOf('?at=2010-04-08T12:00:00Z')).revision).toBe(24);
    expect((await asOf('?at=2010-04-08T11:59:59.999Z')).revision).toBe(23);
    expect((await asOf('?at=2010-04-08T18:00:00%2B06:00')).revision).toBe(24);
  });

  it('shows a retracted update to auditors, marked with reason, author and time, and never to readers', async () => {
    const retracted = (await asOf('')).updates.find((update: Json) => update.updateId === 'osh-scuffles');
    expect(retracted).toMatchObject({
      body: OSH,
      author: { name: 'Story importer', role: 'system' },
      retracted: {
        reason: 'Could not be confirmed',
        author: { name: 'Richard Galpin', role: 'editor' },
        at: expect.any(String),
        revision: LAST_LINE + 2,
      },
    });
    expect(
      (await asOf(`?revision=${LAST_LINE}`)).updates.find((update: Json) => update.updateId === 'osh-scuffles')
        .retracted,
    ).toBeNull();
    const readerRoutes = [
      `/api/live-blogs/${BLOG}`,
      `/api/live-blogs/${BLOG}/updates?limit=100`,
      `/api/live-blogs/${BLOG}/changes?afterRevision=-1&limit=500`,
    ];
    for (const route of readerRoutes) {
      const { text } = await t.http.get(route).expect(200);
      expect(text).toContain('Gunfire was heard after nightfall.'); // the route does carry update text…
      expect(text).not.toContain(OSH.slice(0, 40)); // …but not the retracted one's
    }
  });

  it('lists the stored events with all their metadata and recordedAt, page by page', async () => {
    const first = await t.http.get(`/api/live-blogs/${BLOG}/events?fromRevision=0&limit=2`).set(auditor).expect(200);
    expect(first.body.nextFromRevision).toBe(2);
    expect(first.body.events.map((event: Json) => [event.revision, event.type])).toEqual([
      [0, 'LiveBlogOpened'],
      [1, 'CasualtyFiguresRevised'],
    ]);
    expect(first.body.events[1]).toMatchObject({
      eventId: expect.any(String),
      stream: `liveblog-${BLOG}`,
      position: expect.any(Number),
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      data: { dead: { count: 75, qualifier: 'exact' } },
      metadata: {
        at: '2010-04-08T06:05:00Z',
        author: { id: 'importer', name: 'Story importer', role: 'system' },
        idempotencyKey: 'import:casualties-75-dead',
        schemaVersion: 2,
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        prevHash: first.body.events[0].metadata.hash,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const last = await t.http
      .get(`/api/live-blogs/${BLOG}/events?fromRevision=${LAST_LINE + 3}`)
      .set(auditor)
      .expect(200);
    expect(last.body).toMatchObject({
      events: [{ revision: LAST_LINE + 3 }, { revision: LAST_LINE + 4 }],
      nextFromRevision: null,
    });
  });

  it('lists exactly what changed between two revisions, who changed it and when', async () => {
    const story = await t.http
      .get(`/api/live-blogs/${BLOG}/diff?from=${LAST_LINE - 2}&to=${LAST_LINE}`)
      .set(auditor)
      .expect(200);
    expect(
      story.body.changes.map(({ kind, place, updateId, revision }: Json) => [kind, place ?? updateId, revision]),
    ).toEqual([
      ['location', 'Kazakhstan border', LAST_LINE - 1],
      ['update-added', 'us-envoy-meets-otunbayeva', LAST_LINE],
    ]);
    const editors = await t.http
      .get(`/api/live-blogs/${BLOG}/diff?from=${LAST_LINE}&to=${LAST_LINE + 4}`)
      .set(auditor)
      .expect(200);
    expect(editors.body.from).toEqual({ revision: LAST_LINE, at: '2010-04-08T17:37:00Z' });
    expect(editors.body.changes).toEqual([
      expect.objectContaining({
        kind: 'update-corrected',
        updateId: 'gunfire-after-nightfall',
        after: 'Gunfire was heard after nightfall.',
        reason: 'Trimmed',
        author: expect.objectContaining({ name: 'Rayhan Demytrie' }),
      }),
      expect.objectContaining({
        kind: 'update-retracted',
        updateId: 'osh-scuffles',
        body: OSH,
        author: expect.objectContaining({ name: 'Richard Galpin' }),
      }),
      expect.objectContaining({ kind: 'pinned', updateId: 'us-envoy-meets-otunbayeva', revision: LAST_LINE + 3 }),
      expect.objectContaining({
        kind: 'figures',
        before: expect.objectContaining({ dead: { count: 75, qualifier: 'exact' } }),
        after: expect.objectContaining({
          dead: { count: 76, qualifier: 'at-least' },
          injured: { count: 1000, qualifier: 'more-than' },
          source: 'Health ministry',
        }),
      }),
    ]);
    expect(editors.body.changes[0].before).toMatch(/^Further sustained gunfire/);
  });

  it('finds the hash chain intact', async () => {
    const response = await t.http.get(`/api/live-blogs/${BLOG}/integrity`).set(auditor).expect(200);
    expect(response.body).toEqual({ ok: true, checked: LAST_LINE + 5 });
  });
});
