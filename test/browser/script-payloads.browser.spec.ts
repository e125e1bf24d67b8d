import type { Page } from 'playwright-core';
import { bearer, startedApp } from '../support/app.js';
import {
  describeInBrowser,
  horizontalOverflow,
  PHONE,
  screenshots,
  type RecordingContext,
  startedBrowser,
} from '../support/browser.js';
import { hostileLiveBlog, SCRIPT_PAYLOAD, SHORT_PAYLOAD, writeHostileLiveBlog } from '../support/payloads.js';

/** What a payload would leave behind had it run or been parsed as markup. */
async function traces(page: Page, recording: RecordingContext) {
  return {
    dialogs: recording.dialogs,
    pwned: await page.evaluate('window.__pwned ?? null'),
    injected: await page
      .locator(
        'body script, body img[src="x"], body svg, body [onerror], body [onload], body [onclick], ' +
          'a[href^="javascript"]',
      )
      .count(),
    requestsForX: recording.requests.filter((url) => /\/x$/.test(new URL(url).pathname)),
    outside: recording.outside,
  };
}

const CLEAN = { dialogs: [], pwned: null, injected: 0, requestsForX: [], outside: [] };

describeInBrowser('reader page in chromium: script payloads in every text field never run', () => {
  const t = startedApp();
  const browser = startedBrowser();
  beforeAll(async () => {
    await writeHostileLiveBlog(t, 'hostile-story');
  });

  it('as rendered by the server, and on the index', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/hostile-story`);
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
    expect(await page.locator('h1').textContent()).toBe(`title ${SCRIPT_PAYLOAD}`);
    expect(await page.locator('[data-timeline-list] li').textContent()).toContain(SHORT_PAYLOAD);
    expect(await traces(page, recording)).toEqual(CLEAN);
    await screenshots(page, 'reader-hostile');
    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${t.url}/`);
    expect(await traces(page, recording)).toEqual(CLEAN);
    await recording.context.close();
  });

  it('as pushed live to an open page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/hostile-story`);
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
    const story = hostileLiveBlog('hostile-story');
    const auth = bearer(t.token('editor'));
    const base = '/api/live-blogs/hostile-story';
    await t.http
      .post(`${base}/updates`)
      .set(auth)
      .send({ ...story.update, updateId: 'pushed' })
      .expect(201);
    await t.http.post(`${base}/updates/pushed/corrections`).set(auth).send(story.correction).expect(201);
    await t.http.put(`${base}/updates/pushed/pin`).set(auth).send({}).expect(201);
    await t.http
      .put(`${base}/headline`)
      .set(auth)
      .send({ title: `pushed ${SCRIPT_PAYLOAD}` })
      .expect(201);
    await t.http
      .put(`${base}/summary`)
      .set(auth)
      .send({ summary: `pushed ${SCRIPT_PAYLOAD}` })
      .expect(201);
    await t.http.post(`${base}/casualty-figures`).set(auth).send(story.figures).expect(201);
    await t.http
      .post(`${base}/timeline`)
      .set(auth)
      .send({ ...story.timeline, entryId: 'pushed' })
      .expect(201);
    await t.http
      .put(`${base}/locations/${encodeURIComponent('Naryn <svg onload=alert(1)>')}`)
      .set(auth)
      .send({ status: story.location.status })
      .expect(201);
    await page.locator('[data-places-list] li').nth(1).waitFor();
    expect(await page.locator('h1').textContent()).toBe(`pushed ${SCRIPT_PAYLOAD}`);
    expect(await page.locator('#update-pushed [data-field="correction-reason"]').textContent()).toBe(
      `reason ${SCRIPT_PAYLOAD}`,
    );
    expect(await page.locator('#update-pushed [data-field="body"]').textContent()).toContain('corrected');
    expect(await page.locator('[data-key-points-list] li').count()).toBe(2);
    expect(await traces(page, recording)).toEqual(CLEAN);
    await recording.context.close();
  });
});
