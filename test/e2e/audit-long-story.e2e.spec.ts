import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { keyringOf } from '../../src/signing/keyring.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { growLiveBlogs } from '../support/grown-live-blogs.js';

const BLOG = 'long-night-in-osh';
const UPDATES = 3000;
const fragment = (query: string) => `/audit/${BLOG}/as-of?${query}`;

/** The updates the as-of fragment shows, in order, and its paging links (the `&amp;` of the HTML undone). */
function pageOf(html: string) {
  const link = (rel: string) =>
    new RegExp(`<a class="button" href="([^"]+)" rel="${rel}" data-as-of-page>`)
      .exec(html)?.[1]
      ?.replaceAll('&amp;', '&');
  const counts = /data-first="(\d+)" data-last="(\d+)" data-total="(\d+)"/.exec(html)?.slice(1).map(Number);
  return {
    updateIds: [...html.matchAll(/<article class="update[^"]*"[^>]*data-update-id="([^"]+)"/g)].map(
      (match) => match[1],
    ),
    newer: link('prev'),
    older: link('next'),
    counts,
  };
}

/**
 * Polls /health/live every 5 ms until stopped and keeps the slowest answer. The app runs in this
 * process, so a request that holds the event loop holds the poll too: its wait is the freeze.
 */
function pollHealth(url: string) {
  let worst = 0;
  let polls = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/health/live`).then((response) => response.arrayBuffer());
      worst = Math.max(worst, performance.now() - started);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { worst, polls };
  };
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

describe(`auditor work on a story of ${UPDATES} updates: paged HTML, a streamed bundle`, () => {
  let t: TestApp;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startApp({ env: { READ_RATE_LIMIT: '0' } });
    auditor = bearer(t.token('auditor', 'Ann Auditor'));
    // Written through the store with the real hash chain, a thousand events an append: 3,000 HTTP posts would take minutes.
    await growLiveBlogs(t.store, [BLOG], UPDATES);
  }, 60_000);
  afterAll(() => t.close());

  it('pages the reader view as it stood: 50 updates a page, links to the newer and older pages', async () => {
    const first = pageOf(
      (
        await t.http
          .get(fragment(`revision=${UPDATES}`))
          .set(auditor)
          .expect(200)
      ).text,
    );
    expect(first.updateIds).toEqual(Array.from({ length: 50 }, (_, index) => `g${UPDATES - 1 - index}`));
    expect(first.counts).toEqual([1, 50, UPDATES]);
    expect(first.newer).toBeUndefined();
    expect(first.older).toBe(`/audit/${BLOG}/as-of?revision=${UPDATES}&beforeRevision=${UPDATES - 49}`);

    const second = pageOf((await t.http.get(first.older!).set(auditor).expect(200)).text);
    expect(second.updateIds).toEqual(Array.from({ length: 50 }, (_, index) => `g${UPDATES - 51 - index}`));
    expect(second.counts).toEqual([51, 100, UPDATES]);
    expect(second.newer).toBe(`/audit/${BLOG}/as-of?revision=${UPDATES}`);
    const third = pageOf((await t.http.get(second.older!).set(auditor).expect(200)).text);
    const back = pageOf((await t.http.get(third.newer!).set(auditor).expect(200)).text);
    expect(back).toEqual(second);
  });

  it('pages the record at an earlier revision, keeping the view and the page size, down to the first update', async () => {
    const query = 'revision=1000&view=record&limit=100';
    const pages = [pageOf((await t.http.get(fragment(query)).set(auditor).expect(200)).text)];
    while (pages.at(-1)!.older)
      pages.push(pageOf((await t.http.get(pages.at(-1)!.older!).set(auditor).expect(200)).text));
    expect(pages.map((page) => page.counts)).toEqual(
      Array.from({ length: 10 }, (_, index) => [index * 100 + 1, index * 100 + 100, 1000]),
    );
    expect(pages.flatMap((page) => page.updateIds)).toEqual(
      Array.from({ length: 1000 }, (_, index) => `g${999 - index}`),
    );
    expect(pages[1]!.newer).toBe(`/audit/${BLOG}/as-of?revision=1000&view=record&limit=100`);
    expect(pages[9]!.older).toBeUndefined();
    const tooMany = await t.http.get(fragment('limit=101')).set(auditor).expect(400);
    expect(tooMany.body.errors).toEqual([
      expect.objectContaining({ field: 'limit', detail: 'limit must be a whole number from 1 to 100' }),
    ]);
    await t.http.get(fragment('beforeRevision=x')).set(auditor).expect(400);
  });

  it('streams the whole story as one bundle that verifies, while /health/live keeps answering', async () => {
    const rssBefore = process.memoryUsage().rss;
    const stopPolling = pollHealth(t.url);
    const started = performance.now();
    const [asOf, bundle] = await Promise.all([
      t.http.get(fragment('view=record')).set(auditor).expect(200),
      t.http.get(`/api/live-blogs/${BLOG}/evidence`).set(auditor).expect(200),
    ]);
    const took = performance.now() - started;
    const health = await stopPolling();
    const rssAfter = process.memoryUsage().rss;
    console.log(
      `${UPDATES} updates: as-of page and bundle (${megabytes(bundle.text.length)}) in ${took.toFixed(0)} ms; ` +
        `worst /health/live ${health.worst.toFixed(1)} ms over ${health.polls} polls; ` +
        `RSS ${megabytes(rssBefore)} before, ${megabytes(rssAfter)} after`,
    );
    expect(pageOf(asOf.text).updateIds).toHaveLength(50);
    expect(health.polls).toBeGreaterThan(0);
    expect(bundle.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(bundle.headers['content-disposition']).toBe(`attachment; filename="${BLOG}-r${UPDATES}-evidence.json"`);
    expect(bundle.headers['cache-control']).toBe('private, no-store');
    const published = (await t.http.get('/.well-known/dateline-keys.json').expect(200)).body;
    const report = await verifyBundle(Buffer.from(bundle.text, 'utf8'), keyringOf(published));
    expect(report.lines.at(-1)).toBe('verified');
    const parsed = JSON.parse(bundle.text);
    expect(parsed.events).toHaveLength(UPDATES + 1);
    expect(parsed.page.updates).toHaveLength(UPDATES);
  });

  it('keeps the key points of updates pinned further down the story, as readers saw them', async () => {
    const editor = bearer(t.token('editor'));
    await t.http.put(`/api/live-blogs/${BLOG}/updates/g5/pin`).set(editor).expect(201);
    const html = (
      await t.http
        .get(fragment(`revision=${UPDATES + 1}`))
        .set(auditor)
        .expect(200)
    ).text;
    const keyPoints = /<ul data-key-points-list>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(keyPoints).toContain('data-update-id="g5"');
    expect(pageOf(html).updateIds).not.toContain('g5');
  });
});
