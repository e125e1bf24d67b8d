import { bearer, type TestApp } from './app.js';
import { givenLiveBlog } from './live-blogs.js';

/**
 * Hostile text for every field a page shows. Each payload would run, or inject an element, or
 * close the JSON-LD script element, if a page ever printed it raw.
 */
export const SCRIPT_PAYLOAD =
  `</script><script>window.__pwned=1;alert('x')</script>` +
  `<img src=x onerror="window.__pwned=2">"'><svg onload=alert(1)>`;

/** For fields of at most 100 characters (a timeline period, a place). */
export const SHORT_PAYLOAD = `</script><script>window.__pwned=1;alert(1)</script><b onclick=alert(1)>`;

/** A story opened and written with the payload in every text field readers see. */
export function hostileLiveBlog(id: string) {
  const text = (field: string) => `${field} ${SCRIPT_PAYLOAD}`;
  return {
    open: { id, title: text('title'), summary: text('summary') },
    update: {
      updateId: 'hostile-update',
      kind: 'report',
      body: `<p>body</p>${SCRIPT_PAYLOAD}<a href="javascript:alert(1)">link</a>`,
      byline: text('byline'),
      attribution: text('attribution'),
      location: text('location'),
      sources: text('sources'),
      media: { url: 'https://127.0.0.1:9/hostile.png', caption: text('caption'), credit: text('credit') },
    },
    correction: { body: `corrected ${SCRIPT_PAYLOAD}`, reason: text('reason') },
    figures: {
      dead: { count: 3, qualifier: 'about' },
      injured: { count: 12, qualifier: 'at-least' },
      source: text('source'),
      scope: text('scope'),
      note: text('note'),
    },
    timeline: { period: `period ${SHORT_PAYLOAD}`, text: text('timeline') },
    location: { place: 'Osh <img src=x onerror="window.__pwned=3">', status: text('status') },
  };
}

/** Writes the hostile story through the editors' API; answers the revision it reached. */
export async function writeHostileLiveBlog(t: TestApp, id: string): Promise<number> {
  const hostile = hostileLiveBlog(id);
  const auth = bearer(t.token('editor', `Editor ${SHORT_PAYLOAD}`));
  const base = `/api/live-blogs/${id}`;
  await givenLiveBlog(t, hostile.open, { headers: auth });
  await t.http.post(`${base}/updates`).set(auth).send(hostile.update).expect(201);
  await t.http.post(`${base}/updates/hostile-update/corrections`).set(auth).send(hostile.correction).expect(201);
  await t.http.put(`${base}/updates/hostile-update/pin`).set(auth).send({}).expect(201);
  await t.http.post(`${base}/casualty-figures`).set(auth).send(hostile.figures).expect(201);
  await t.http.post(`${base}/timeline`).set(auth).send(hostile.timeline).expect(201);
  const placed = await t.http
    .put(`${base}/locations/${encodeURIComponent(hostile.location.place)}`)
    .set(auth)
    .send({ status: hostile.location.status })
    .expect(201);
  return placed.body.revision as number;
}
