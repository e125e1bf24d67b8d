import { bearer, startApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  launchBrowser,
  PHONE,
  screenshots,
  type TestBrowser,
  SHOWN_WITHIN,
} from '../support/browser.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-key-events';
const api = `/api/live-blogs/${BLOG}`;

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeInBrowser('reader page in chromium: key events', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let editor: Record<string, string>;
  const post = (body: object) =>
    t.http
      .post(`${api}/updates`)
      .set(editor)
      .send({ kind: 'report', ...body })
      .expect(201);
  const mark = (updateId: string) =>
    t.http.put(`${api}/updates/${updateId}/key-event`).set(editor).send({}).expect(201);

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Kyrgyzstan unrest' }, { headers: editor });
    await post({ updateId: 'seized', headline: 'Government building seized', body: 'Protesters stormed it.' });
    await mark('seized');
    for (let index = 1; index <= 60; index++) await post({ body: `Later post number ${index}. More soon.` });
    await post({ updateId: 'envoy', body: 'A US envoy met Ms Otunbayeva late on Thursday. Talks went on.' });
    await mark('envoy');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists key events, the oldest sixty posts down, and each link lands on its update', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/${BLOG}`);
    const links = page.locator('[data-key-events-list] a');
    expect(await links.allTextContents()).toEqual([
      expect.stringMatching(/Government building seized$/),
      expect.stringMatching(/A US envoy met Ms Otunbayeva late on Thursday\.$/),
    ]);
    await screenshots(page, 'key-events-list');
    await links.nth(1).click();
    await page.waitForURL('**#update-envoy');
    expect(await page.locator('#update-envoy').isVisible()).toBe(true);
    await links.first().click();
    await page.waitForURL(`**/live/${BLOG}?before=2#update-seized`);
    expect(await page.locator('#update-seized [data-field="headline"]').textContent()).toBe(
      'Government building seized',
    );
    expect(await page.locator('#update-seized').isVisible()).toBe(true);
    await screenshots(page, 'key-event-older-page');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('applies a pushed marking, a retraction and the JSON-LD while the page is open', async () => {
    const recording = await browser.context({ viewport: PHONE });
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/${BLOG}`);
    // Subscribed once the readers count shows.
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
    await post({ updateId: 'curfew', headline: 'Curfew declared in Bishkek', body: 'A curfew was declared.' });
    await mark('curfew');
    const entry = page.locator('[data-key-events-list] li[data-update-id="curfew"]');
    await entry.waitFor(SHOWN_WITHIN);
    expect(await entry.textContent()).toContain('Curfew declared in Bishkek');
    expect(await entry.locator('a').getAttribute('href')).toBe('#update-curfew');
    await screenshots(page, 'key-event-pushed');

    await t.http.post(`${api}/updates/envoy/retraction`).set(editor).send({ reason: 'Unconfirmed' }).expect(201);
    await page
      .locator('[data-key-events-list] li[data-update-id="envoy"]')
      .waitFor({ ...SHOWN_WITHIN, state: 'detached' });

    // The JSON-LD follows a few seconds after the changes (a spread-out fetch of the article view).
    const jsonLdText = () => page.locator('script[type="application/ld+json"]').textContent();
    await waitFor(async () => {
      const text = (await jsonLdText()) ?? '';
      return text.includes('#update-curfew') && !text.includes('#update-envoy');
    }, 20_000);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd.liveBlogUpdate[0]).toMatchObject({
      url: `${t.url}/live/${BLOG}#update-curfew`,
      headline: 'Curfew declared in Bishkek',
    });
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });
});
