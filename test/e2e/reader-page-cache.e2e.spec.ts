import { Metrics } from '../../src/shared/metrics.js';
import { bearer, startedApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-page-cache';
const PAGE = `/live/${BLOG}`;
const CHANGES = `/api/live-blogs/${BLOG}/changes`;

/** Headers that differ between any two responses, whoever made them. */
const PER_RESPONSE = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);

function sameHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));
}

describe('the reader page and the change feed, cached per story revision', () => {
  const t = startedApp();
  let editor: Record<string, string>;
  const post = (updateId: string, body: string) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ kind: 'report', body, updateId }).expect(201);
  /** How often the cache was asked (hits and misses), and how often it rendered (misses). */
  const counted = async (cache: 'pages' | 'changes') => {
    const { values } = await t.app.get(Metrics).responseCache.get();
    const of = (result: string) =>
      values.find((value) => value.labels.cache === cache && value.labels.result === result)?.value ?? 0;
    return { asked: of('hit') + of('miss'), rendered: of('miss') };
  };

  beforeAll(async () => {
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Osh' }, { headers: editor });
    await post('first', 'Crowds gather in Osh.');
  });

  it('answers two GETs at one revision with the same bytes, headers and strong ETag', async () => {
    const first = await t.http.get(PAGE).expect(200);
    const second = await t.http.get(PAGE).expect(200);
    expect(first.headers.etag).toMatch(/^"\d+-[\w-]+"$/);
    expect(second.text).toBe(first.text);
    expect(sameHeaders(second.headers)).toEqual(sameHeaders(first.headers));
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(first.text).toContain('Crowds gather in Osh.');
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const { headers } = await t.http.get(PAGE).expect(200);
    const notModified = await t.http.get(PAGE).set('If-None-Match', headers.etag!).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(headers.etag);
    await t.http.get(PAGE).set('If-None-Match', '"0-elsewhere"').expect(200);
  });

  it('moves the ETag on with the story, and the page holds the new update', async () => {
    const before = await t.http.get(PAGE).expect(200);
    await post('second', 'Police withdraw from the square.');
    const after = await t.http.get(PAGE).set('If-None-Match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).toContain('Police withdraw from the square.');
    expect(before.text).not.toContain('Police withdraw from the square.');
  });

  it('drops a retracted update’s text from the cached page and the cached change feed', async () => {
    await post('wrong', 'Wrong town named in this report.');
    const page = await t.http.get(PAGE).expect(200);
    const changes = await t.http.get(CHANGES).expect(200);
    expect(page.text).toContain('Wrong town named');
    expect(changes.text).toContain('Wrong town named');
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates/wrong/retraction`)
      .set(editor)
      .send({ reason: 'Wrong town' })
      .expect(201);
    expect((await t.http.get(PAGE).expect(200)).text).not.toContain('Wrong town named');
    expect((await t.http.get(CHANGES).expect(200)).text).not.toContain('Wrong town named');
  });

  it('keeps one page per name of this server, and a foreign Host header gets the same page as its own address', async () => {
    const elsewhere = await t.http.get(PAGE).set('Host', 'attacker.example').expect(200);
    expect(elsewhere.text).not.toContain('attacker.example');
    const own = await t.http.get(PAGE).expect(200);
    expect(own.text).not.toContain('attacker.example');
    expect(own.headers.etag).toBe(elsewhere.headers.etag);
    const local = await t.http
      .get(PAGE)
      .set('Host', `localhost:${new URL(t.url).port}`)
      .expect(200);
    expect(local.text).toContain(`http://localhost:${new URL(t.url).port}/live/`);
    expect(local.headers.etag).not.toBe(own.headers.etag);
  });

  it('renders archive pages that show the same updates once, whatever `before` asked for them', async () => {
    const first = await t.http.get(`${PAGE}?before=1000`).expect(200);
    const before = await counted('pages');
    const again = await t.http.get(`${PAGE}?before=1001`).expect(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await counted('pages')).toEqual({ asked: before.asked + 1, rendered: before.rendered });
    // The page's body (the head's JSON-LD lists every update, whatever the page shows).
    const older = (await t.http.get(`${PAGE}?before=2`).expect(200)).text.split('<main')[1];
    expect(older).toContain('Crowds gather in Osh.');
    expect(older).not.toContain('Police withdraw from the square.');
    expect((await counted('pages')).rendered).toBe(before.rendered + 1);
  });

  it('answers a caller with credentials privately, neither from nor into the shared cache', async () => {
    const anonymous = await t.http.get(PAGE).expect(200);
    const signedIn = await t.http.get(PAGE).set(editor).set('If-None-Match', anonymous.headers.etag!).expect(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.text).toBe(anonymous.text);

    await post('third', 'Curfew declared in Osh.');
    const before = await counted('pages');
    const fresh = await t.http.get(PAGE).set('Cookie', 'dateline_session=not-a-session').expect(200);
    expect(fresh.text).toContain('Curfew declared in Osh.');
    expect(fresh.headers['cache-control']).toBe('private, no-store');
    expect(await counted('pages')).toEqual(before);
    const anonymousAfter = await t.http.get(PAGE).expect(200);
    expect(anonymousAfter.headers['cache-control']).toBe('no-cache');
    expect(await counted('pages')).toEqual({ asked: before.asked + 1, rendered: before.rendered + 1 });
  });

  it('serves the change feed per revision and variant, with its revision as ETag and 304', async () => {
    const first = await t.http.get(`${CHANGES}?afterRevision=1`).expect(200);
    const { rendered } = await counted('changes');
    const second = await t.http.get(`${CHANGES}?afterRevision=1`).expect(200);
    expect((await counted('changes')).rendered).toBe(rendered);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(`"${first.body.revision}"`);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    await t.http.get(`${CHANGES}?afterRevision=1`).set('If-None-Match', first.headers.etag!).expect(304);
    const other = await t.http.get(`${CHANGES}?afterRevision=1&limit=1`).expect(200);
    expect(other.body.events).toHaveLength(1);
    const asked = await counted('changes');
    expect(asked.rendered).toBe(rendered + 1);
    const signedIn = await t.http.get(`${CHANGES}?afterRevision=1`).set(editor).expect(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(await counted('changes')).toEqual(asked);
  });
});

describe('one address at its read budget, beside another reader (issue 23, item 3)', () => {
  const LONG = 'osh-long-page';
  /** Behind one balancer, so that X-Forwarded-For tells the two addresses apart. */
  const t = startedApp({ env: { TRUST_PROXY: '1' } });
  const from = (address: string) => ({ 'X-Forwarded-For': address });

  beforeAll(async () => {
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: LONG, title: 'Osh, at length' }, { headers: editor });
    const paragraph = 'Witnesses describe crowds moving through the centre of Osh towards the square. '.repeat(25);
    for (let n = 0; n < 50; n++) {
      await t.http.post(`/api/live-blogs/${LONG}/updates`).set(editor).send({ kind: 'report', body: paragraph });
    }
  });

  /** Another client's article GETs, one every 50 ms for `ms`: their times, each answered 200. */
  async function articleTimes(ms: number): Promise<number[]> {
    const times: number[] = [];
    for (const end = Date.now() + ms; Date.now() < end; ) {
      const started = performance.now();
      await t.http.get(`/api/live-blogs/${LONG}`).set(from('203.0.113.20')).expect(200);
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return times;
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

  it('renders its page once for the revision, however often it is asked', async () => {
    const rendered = async () => {
      const { values } = await t.app.get(Metrics).responseCache.get();
      return values.find((value) => value.labels.cache === 'pages' && value.labels.result === 'miss')?.value ?? 0;
    };
    await t.http.get(`/live/${LONG}`).set(from('198.51.100.7')).expect(200);
    const alone = await articleTimes(2000);
    const before = await rendered();

    // The READ_RATE_LIMIT default, 6,000 a minute: 100 page GETs a second, 10 at a time.
    const statuses: Record<number, number> = {};
    let asking = true;
    const asker = async () => {
      while (asking) {
        const { status } = await t.http.get(`/live/${LONG}`).set(from('198.51.100.7'));
        statuses[status] = (statuses[status] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const askers = Array.from({ length: 10 }, asker);
    const beside = await articleTimes(2000);
    asking = false;
    await Promise.all(askers);

    expect(statuses[200]).toBeGreaterThan(50);
    expect(await rendered()).toBe(before);
    console.log(
      `one address asking for a ${(await t.http.get(`/live/${LONG}`)).text.length}-byte page as fast as its budget allows ` +
        `(${JSON.stringify(statuses)}, 0 renders): another client's median article GET ` +
        `${median(alone).toFixed(2)} ms alone, ${median(beside).toFixed(2)} ms beside it`,
    );
  });
});
