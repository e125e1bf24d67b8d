import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-toll';
const url = `/api/live-blogs/${BLOG}`;
const ROUTES = ['events', 'as-of', 'as-of?revision=1', 'diff?from=0&to=1', 'casualty-figures/history', 'integrity'];

/** Five revisions of the figures by two editors, as a newsroom revises a toll through the day. */
const REVISIONS = [
  {
    editor: 'Rayhan Demytrie',
    at: '2010-04-08T07:00:00Z',
    body: { dead: { count: 40, qualifier: 'about' }, source: 'Witnesses' },
  },
  {
    editor: 'Richard Galpin',
    at: '2010-04-08T09:00:00Z',
    body: {
      dead: { count: 65, qualifier: 'at-least' },
      injured: { count: 500, qualifier: 'more-than' },
      source: 'Interior ministry',
    },
  },
  {
    editor: 'Rayhan Demytrie',
    at: '2010-04-08T11:00:00Z',
    body: { dead: { count: 68, qualifier: 'exact' }, source: 'Health ministry', scope: 'Bishkek' },
  },
  {
    editor: 'Richard Galpin',
    at: '2010-04-08T13:00:00Z',
    body: {
      injured: { count: 1000, qualifier: 'more-than' },
      source: 'Health ministry',
      note: 'Hospitals, "overwhelmed"',
    },
  },
  {
    editor: 'Rayhan Demytrie',
    at: '2010-04-08T15:00:00Z',
    body: {
      dead: { count: 75, qualifier: 'exact' },
      injured: { count: 1000, qualifier: 'more-than' },
      source: 'Health ministry, nationwide',
    },
  },
];

describe('auditors: access, errors and the figures history', () => {
  const t = startedApp();
  let auditor: Record<string, string>;
  const get = (route: string) => t.http.get(`${url}/${route}`).set(auditor);

  beforeAll(async () => {
    auditor = bearer(t.token('auditor', 'Ann Auditor'));
    const opener = bearer(t.token('editor', 'Rayhan Demytrie'));
    await givenLiveBlog(t, { id: BLOG, title: 'The toll in Bishkek', at: '2010-04-08T06:00:00Z' }, { headers: opener });
    for (const { editor, at, body } of REVISIONS) {
      await t.http
        .post(`${url}/casualty-figures`)
        .set(bearer(t.token('editor', editor)))
        .send({ ...body, at })
        .expect(201);
    }
  });

  it.each(ROUTES)('%s needs a token (401) with the auditor or admin role (403 for an editor)', async (route) => {
    await t.http.get(`${url}/${route}`).expect(401);
    await t.http
      .get(`${url}/${route}`)
      .set(bearer(t.token('editor')))
      .expect(403);
    await t.http
      .get(`${url}/${route}`)
      .set(bearer(t.token('admin')))
      .expect(200);
    await get(route).expect(200);
  });

  it.each(ROUTES)('%s answers 404 for a live blog that does not exist', async (route) => {
    const response = await t.http.get(`/api/live-blogs/no-such-blog/${route}`).set(auditor).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it.each([
    ['as-of?revision=6', 'revision'],
    ['as-of?at=2010-04-08T05:59:59Z', 'at'],
    ['diff?from=0&to=6', 'to'],
  ])('%s answers 404 naming %s: beyond the head, or before the blog opened', async (route, field) => {
    const response = await get(route).expect(404);
    expect(response.body.details).toEqual({ field });
  });

  it.each([
    ['as-of?revision=-1', 'revision'],
    ['as-of?revision=abc', 'revision'],
    ['as-of?revision=1.5', 'revision'],
    ['as-of?revision=', 'revision'],
    ['as-of?at=yesterday', 'at'],
    ['as-of?at=2010-04-08T17:37:00', 'at'],
    ['as-of?at=2010-04-08', 'at'],
    ['as-of?when=now', 'when'],
    ['as-of?limit=0', 'limit'],
    ['as-of?limit=501', 'limit'],
    ['as-of?beforeRevision=-1', 'beforeRevision'],
    ['diff?from=abc&to=2', 'from'],
    ['diff?from=1', 'to'],
    ['events?fromRevision=-2', 'fromRevision'],
    ['events?limit=0', 'limit'],
    ['events?limit=1001', 'limit'],
    ['casualty-figures/history?format=xml', 'format'],
  ])('%s answers 400 naming the field %s', async (route, field) => {
    const response = await get(route).expect(400);
    expect(response.body.details.fields.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each([
    ['as-of?revision=1&at=2010-04-08T07:00:00Z', 'at'],
    ['diff?from=3&to=2', 'to'],
  ])('%s answers 400 naming the field %s when the values do not go together', async (route, field) => {
    expect((await get(route).expect(400)).body.details).toEqual({ field });
  });

  it('lists all five revisions of the figures in order, with qualifiers, sources and authors', async () => {
    const response = await get('casualty-figures/history').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.id).toBe(BLOG);
    expect(response.body.revisions).toEqual([
      {
        revision: 1,
        at: REVISIONS[0]!.at,
        author: author('Rayhan Demytrie'),
        dead: { count: 40, qualifier: 'about' },
        injured: null,
        source: 'Witnesses',
        scope: null,
        note: null,
      },
      {
        revision: 2,
        at: REVISIONS[1]!.at,
        author: author('Richard Galpin'),
        dead: { count: 65, qualifier: 'at-least' },
        injured: { count: 500, qualifier: 'more-than' },
        source: 'Interior ministry',
        scope: null,
        note: null,
      },
      {
        revision: 3,
        at: REVISIONS[2]!.at,
        author: author('Rayhan Demytrie'),
        dead: { count: 68, qualifier: 'exact' },
        injured: { count: 500, qualifier: 'more-than' },
        source: 'Health ministry',
        scope: 'Bishkek',
        note: null,
      },
      {
        revision: 4,
        at: REVISIONS[3]!.at,
        author: author('Richard Galpin'),
        dead: { count: 68, qualifier: 'exact' },
        injured: { count: 1000, qualifier: 'more-than' },
        source: 'Health ministry',
        scope: null,
        note: 'Hospitals, "overwhelmed"',
      },
      {
        revision: 5,
        at: REVISIONS[4]!.at,
        author: author('Rayhan Demytrie'),
        dead: { count: 75, qualifier: 'exact' },
        injured: { count: 1000, qualifier: 'more-than' },
        source: 'Health ministry, nationwide',
        scope: null,
        note: null,
      },
    ]);
  });

  it('gives the same history as CSV, asked for by Accept or by ?format=csv', async () => {
    const byAccept = await get('casualty-figures/history').set('Accept', 'text/csv').expect(200);
    const byFormat = await get('casualty-figures/history?format=csv').expect(200);
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byFormat.text).toBe(byAccept.text);
    expect(byAccept.text.split('\r\n')).toEqual([
      'revision,at,author_id,author_name,author_role,dead_count,dead_qualifier,injured_count,injured_qualifier,source,scope,note',
      '1,2010-04-08T07:00:00Z,rayhan-demytrie,Rayhan Demytrie,editor,40,about,,,Witnesses,,',
      '2,2010-04-08T09:00:00Z,richard-galpin,Richard Galpin,editor,65,at-least,500,more-than,Interior ministry,,',
      '3,2010-04-08T11:00:00Z,rayhan-demytrie,Rayhan Demytrie,editor,68,exact,500,more-than,Health ministry,Bishkek,',
      '4,2010-04-08T13:00:00Z,richard-galpin,Richard Galpin,editor,68,exact,1000,more-than,Health ministry,,"Hospitals, ""overwhelmed"""',
      '5,2010-04-08T15:00:00Z,rayhan-demytrie,Rayhan Demytrie,editor,75,exact,1000,more-than,"Health ministry, nationwide",,',
      '',
    ]);
    const json = await get('casualty-figures/history?format=json').set('Accept', 'text/csv').expect(200);
    expect(json.body.revisions).toHaveLength(5);
  });
});

function author(name: string) {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, role: 'editor' };
}
