import { startedApp } from '../support/app.js';
import { describeInBrowser, horizontalOverflow, PHONE, screenshots, startedBrowser } from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';

describeInBrowser('reader page in chromium: the reference story', () => {
  const t = startedApp({ seed: true });
  const browser = startedBrowser();

  it('reads with scripts disabled: headline, the BBC time line and the figures in words', async () => {
    const recording = await browser.context({ javaScriptEnabled: false });
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/${STORY}`);
    expect(await page.locator('h1').textContent()).toBe('Kyrgyzstan President Bakiyev refuses to resign');
    expect(await page.locator('[data-field="last-updated"]').textContent()).toBe(
      'Page last updated at 17:37 GMT, Thursday, 8 April 2010',
    );
    expect(await page.locator('[data-casualties] [data-field="words"]').textContent()).toBe(
      '75 dead, more than 1,000 injured',
    );
    expect(await page.locator('[data-timeline-list] li').count()).toBe(8);
    expect(await page.locator('[data-places-list] li').count()).toBe(6);
    expect(await page.locator('[data-place="Osh"] [data-field="at"]').textContent()).toBe('16:31 GMT');
    await screenshots(page, 'reader-no-script');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('the index lists the story and links to its page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('link', { name: 'Kyrgyzstan President Bakiyev refuses to resign' }).click();
    await page.waitForURL(`**/live/${STORY}`);
    expect(await page.locator('h1').textContent()).toBe('Kyrgyzstan President Bakiyev refuses to resign');
    await page.goto(`${t.url}/`);
    await screenshots(page, 'index');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('is usable by keyboard: the first Tab offers to skip to the story', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/${STORY}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await recording.context.close();
  });

  it('has no horizontal scroll on a 375 px phone', async () => {
    const recording = await browser.context({ viewport: PHONE });
    const page = await recording.newPage();
    for (const path of ['/', `/live/${STORY}`]) {
      await page.goto(`${t.url}${path}`);
      expect(await horizontalOverflow(page)).toBe(0);
    }
    await recording.context.close();
  });
});
