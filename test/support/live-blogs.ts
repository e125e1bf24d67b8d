import { bearer, type TestApp } from './app.js';

/** What opening a live blog takes (`POST /api/live-blogs`); the title alone is enough. */
export interface LiveBlogFields {
  readonly id?: string;
  readonly title?: string;
  readonly summary?: string;
  readonly language?: string;
  readonly timeZone?: string;
  /** Back-dates the opening (DESIGN §3: an import of a past live blog). */
  readonly at?: string;
}

export interface GivenLiveBlogOptions {
  /** Who writes: an editor ("Rayhan Demytrie") unless given. */
  readonly headers?: Record<string, string>;
  /** Bodies of updates posted after opening, in order (`POST …/updates`, each answered 201). */
  readonly updates?: readonly object[];
}

export interface GivenLiveBlog {
  readonly id: string;
  /** The revision after the last write: 0 when only opened. */
  readonly revision: number;
}

/**
 * Given: a live blog opened through the editors' API as a client would (and updates posted to it),
 * each write answered 201. Fields default to a title; the server makes the id from it unless given.
 */
export async function givenLiveBlog(
  t: Pick<TestApp, 'http' | 'token'>,
  fields: LiveBlogFields = {},
  options: GivenLiveBlogOptions = {},
): Promise<GivenLiveBlog> {
  const headers = options.headers ?? bearer(t.token('editor'));
  const opened = await t.http
    .post('/api/live-blogs')
    .set(headers)
    .send({ title: 'Kyrgyzstan unrest', ...fields })
    .expect(201);
  const id = opened.body.liveBlogId as string;
  let revision = opened.body.revision as number;
  for (const update of options.updates ?? []) {
    const posted = await t.http.post(`/api/live-blogs/${id}/updates`).set(headers).send(update).expect(201);
    revision = posted.body.revision as number;
  }
  return { id, revision };
}
