import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  launchBrowser,
  type Page,
  SCREENSHOTS,
  screenshots,
  type TestBrowser,
} from '../support/browser.js';
import { growLiveBlogs } from '../support/grown-live-blogs.js';

const STORY = 'long-night-in-osh';
const UPDATES = 120;

describeInBrowser('auditor page in chromium: a long story paged', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let page: Page;
  const pages = () => page.locator('#as-of [data-as-of-pages]');
  const firstUpdate = () =>
    page.locator('#as-of [data-updates] [data-update-id]').first().getAttribute('data-update-id');

  beforeAll(async () => {
    t = await startApp();
    await growLiveBlogs(t.store, [STORY], UPDATES);
    browser = await launchBrowser();
    page = await (await browser.context()).newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByLabel('Auditor token').fill(t.token('auditor', 'Ann Auditor'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`#as-of [data-article][data-revision="${UPDATES}"]`).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('follows the older and newer links with the token, at the revision shown', async () => {
    expect(await pages().locator('.as-of-pages__count').textContent()).toBe('Updates 1 to 50 of 120, newest first.');
    expect(await pages().getByRole('link', { name: 'Newer updates' }).count()).toBe(0);
    await pages().getByRole('link', { name: 'Older updates' }).click();
    await page.locator('#as-of [data-as-of-pages][data-first="51"]').waitFor();
    expect(await firstUpdate()).toBe(`g${UPDATES - 51}`);
    await screenshots(page, 'audit-as-of-paged');
    await pages().screenshot({ path: join(SCREENSHOTS, 'audit-as-of-paging-links.png') });
    expect(await page.locator('#revision').inputValue()).toBe(String(UPDATES));
    expect(new URL(page.url()).pathname).toBe(`/audit/${STORY}`); // the auditor's page stays; only the part swaps
    await pages().getByRole('link', { name: 'Older updates' }).click();
    await page.locator('#as-of [data-as-of-pages][data-first="101"][data-last="120"]').waitFor();
    await pages().getByRole('link', { name: 'Newer updates' }).click();
    await page.locator('#as-of [data-as-of-pages][data-first="51"]').waitFor();
    expect(await page.locator('#audit-error').isHidden()).toBe(true);
  });
});
