import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { bearer, startApp, type TestApp } from '../support/app.js';
import {
  afterResize,
  DESKTOP,
  describeInBrowser,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  SCREENSHOTS,
  screenshots,
  type RecordingContext,
  type TestBrowser,
  SHOWN_WITHIN,
} from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';

/** Another site on its own port: an article that frames the story with the oEmbed's HTML and sizes the frame. */
async function hostSite(frameHtml: () => string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Valley Gazette</title>
<style>body { font: 16px/1.5 Georgia, serif; margin: 0 auto; max-width: 680px; padding: 16px; }</style>
<script>
  window.heights = [];
  addEventListener('message', (message) => {
    const height = message.data && message.data.dateline && message.data.dateline.height;
    if (typeof height !== 'number') return;
    window.heights.push(height);
    document.querySelector('iframe').height = String(height);
  });
</script></head>
<body><h1>The Valley Gazette</h1><p>Our partner's live coverage of the unrest, as it happens:</p>
${frameHtml()}
<p>The rest of our article goes on below the live coverage.</p></body></html>`);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/**
 * The host page whole, at desktop and phone width. A full-page screenshot paints a cross-origin frame only
 * where it meets the viewport, so the viewport is made as tall as the page (whose height, and the frame's,
 * follows its width only).
 */
async function hostScreenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForFunction(
      'window.heights.at(-1) === Math.round(document.querySelector("iframe").getBoundingClientRect().height)',
    );
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    await page.setViewportSize({ width: viewport.width, height });
    await afterResize(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

describeInBrowser('the embed in chromium, framed by another site', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let host: { server: Server; url: string };
  let stranger: { server: Server; url: string };
  let recording: RecordingContext;
  let page: Page;
  let frame: FrameLocator;
  let frameHtml = '';
  const editor = () => bearer(t.token('editor', 'Rayhan Demytrie'));
  const write = (path: string, body: object) =>
    t.http.post(`/api/live-blogs/${STORY}${path}`).set(editor()).send(body).expect(201);
  const heights = () => page.evaluate<number[]>('window.heights');

  beforeAll(async () => {
    host = await hostSite(() => frameHtml);
    stranger = await hostSite(() => frameHtml);
    t = await startApp({ seed: true, env: { EMBED_ORIGINS: new URL(host.url).origin } });
    const { body } = await t.http
      .get('/oembed')
      .query({ url: `${t.url}/live/${STORY}`, format: 'json' })
      .expect(200);
    frameHtml = body.html;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    host?.server.close();
    stranger?.server.close();
  });
  beforeEach(async () => {
    recording = await browser.context();
    page = await recording.newPage();
    await page.goto(host.url);
    frame = page.frameLocator('iframe');
    // The readers count arrives once the follower has subscribed.
    await frame.locator('[data-readers]').waitFor({ state: 'visible' });
  });
  afterEach(async () => {
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('shows a post inside the frame without a reload, drops it when retracted, and sizes the frame', async () => {
    await page.evaluate('window.notReloaded = true');
    const before = await heights();
    expect(before.length).toBeGreaterThan(0);
    await write('/updates', {
      updateId: 'embed-arrives',
      kind: 'breaking',
      body: 'Troops pulled back from the square.',
    });
    const update = frame.locator('#update-embed-arrives');
    await update.waitFor(SHOWN_WITHIN);
    expect(await frame.locator('[data-updates] > article').first().getAttribute('id')).toBe('update-embed-arrives');
    expect(await frame.locator('[data-updates] > article').count()).toBe(10);
    expect(await update.locator('[data-field="permalink"]').getAttribute('href')).toBe(
      `/live/${STORY}/updates/embed-arrives#update-embed-arrives`,
    );
    await write('/updates/embed-arrives/retraction', { reason: 'Not confirmed' });
    await update.waitFor({ ...SHOWN_WITHIN, state: 'detached' });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    // The parent was told the frame's height, and the frame is that tall: no scrollbar inside it.
    const last = (await heights()).at(-1)!;
    expect(last).toBeGreaterThan(400);
    const frameBox = await page.locator('iframe').boundingBox();
    expect(Math.round(frameBox!.height)).toBe(last);
    const fits = (html: { scrollHeight: number; clientHeight: number }) => html.scrollHeight <= html.clientHeight;
    expect(await frame.locator('html').evaluate(fits)).toBe(true);
    await hostScreenshots(page, 'embed-in-host');
  });

  it('tells the parent the new height when the frame narrows, and fits a phone', async () => {
    const wide = (await heights()).at(-1)!;
    await page.setViewportSize(PHONE);
    await page.waitForFunction(`window.heights.at(-1) !== ${wide}`, undefined, SHOWN_WITHIN);
    expect((await heights()).at(-1)!).toBeGreaterThan(wide);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('opens the full story and each update’s permalink in a new tab, with no opener', async () => {
    const [story] = await Promise.all([
      recording.context.waitForEvent('page'),
      frame.getByRole('link', { name: 'Open the full story' }).click(),
    ]);
    await story.waitForLoadState();
    expect(story.url()).toBe(`${t.url}/live/${STORY}`);
    expect(await story.evaluate('window.opener')).toBeNull();
    const [permalink] = await Promise.all([
      recording.context.waitForEvent('page'),
      frame.locator('[data-updates] > article').nth(2).locator('[data-field="permalink"]').click(),
    ]);
    await permalink.waitForLoadState();
    const updateId = new URL(permalink.url()).hash.replace('#update-', '');
    expect(permalink.url()).toBe(`${t.url}/live/${STORY}/updates/${updateId}#update-${updateId}`);
    const linked = permalink.locator(`#update-${updateId}`);
    expect(await linked.isVisible()).toBe(true);
    // Marked for the reader, also after the follower redrew the updates from the subscribe's article.
    await permalink.locator('[data-readers]').waitFor({ state: 'visible' });
    expect(
      await linked.evaluate((element: { matches(selector: string): boolean }) =>
        element.matches(':target, .update--linked'),
      ),
    ).toBe(true);
    await screenshots(permalink, 'update-permalink');
    expect(await page.evaluate('location.href')).toBe(host.url);
  });

  it('refuses to be framed by a site EMBED_ORIGINS does not name', async () => {
    const other = await recording.newPage();
    await other.goto(stranger.url);
    await other.waitForTimeout(1000);
    expect(await other.frameLocator('iframe').locator('[data-article]').count()).toBe(0);
    expect(await other.evaluate<number[]>('window.heights')).toEqual([]);
  });
});

describeInBrowser('the embed without scripts', () => {
  let t: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startApp({ seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reads the latest updates, the figures and the key points, and sets no cookie', async () => {
    const recording = await browser.context({ javaScriptEnabled: false });
    const page = await recording.newPage();
    await page.goto(`${t.url}/embed/${STORY}`);
    expect(await page.locator('[data-updates] > article').count()).toBe(10);
    expect(await page.locator('[data-casualties] [data-field="words"]').textContent()).toBe(
      '75 dead, more than 1,000 injured',
    );
    expect(await page.locator('.places').isVisible()).toBe(false);
    expect(await recording.context.cookies()).toEqual([]);
    await screenshots(page, 'embed-no-script');
    await recording.context.close();
  });
});
