import { startedApp } from '../support/app.js';
import { describeInBrowser, type Page, SHOWN_WITHIN, startedBrowser } from '../support/browser.js';
import { addEditors, signInThroughForm, updateWith } from '../support/console.js';
import { SCRIPT_PAYLOAD, SHORT_PAYLOAD } from '../support/payloads.js';

const STORY = 'hostile-console';

/** Signs that a payload ran or injected markup: a global it sets, or an element or handler it brought. */
async function injected(page: Page) {
  return page.evaluate<{ pwned: unknown; elements: number }>(`({
    pwned: window.__pwned ?? null,
    elements: document.querySelectorAll(
      'img[src="x"], svg, [onerror], [onload], [onclick], script:not([src]):not([type="application/ld+json"])',
    ).length,
  })`);
}

describeInBrowser('newsroom console in chromium: script typed into any field never runs', () => {
  const t = startedApp();
  const browser = startedBrowser();
  beforeAll(async () => {
    await addEditors(t, { hostile: `Editor ${SHORT_PAYLOAD}` });
  });

  it('opens, writes, corrects, revises and closes a story with hostile text; neither page runs it', async () => {
    const editor = await browser.context();
    const reader = await browser.context();
    const console = await editor.newPage();
    const page = await reader.newPage();
    const text = (field: string) => `${field} ${SCRIPT_PAYLOAD}`;

    await signInThroughForm(console, t, 'hostile', '/newsroom');
    await console.getByLabel('Headline').fill(text('title'));
    await console.getByLabel('Summary').fill(text('summary'));
    await console.getByLabel('Address (slug)').fill(STORY);
    await console.getByRole('button', { name: 'Open live blog' }).click();
    await console.waitForURL(`**/newsroom/${STORY}`);
    await console.locator('[data-presence-list] [data-editor-id]').waitFor();
    await page.goto(`${t.url}/live/${STORY}`);
    await page.locator('[data-readers]:not([hidden])').waitFor();

    await console
      .getByLabel('Update', { exact: true })
      .fill(`<p>body</p>${SCRIPT_PAYLOAD}<a href="javascript:alert(1)">link</a>`);
    for (const label of ['Byline', 'Attribution', 'Location', 'Sources', 'Caption', 'Credit'])
      await console.getByLabel(label).fill(text(label));
    await console.getByLabel('Image URL').fill('https://127.0.0.1:9/hostile.png');
    await console.getByRole('button', { name: 'Publish' }).click();
    await updateWith(page, 'body').waitFor(SHOWN_WITHIN);

    const update = updateWith(console, 'body');
    await update.getByRole('button', { name: 'Pin' }).click();
    await update.getByRole('button', { name: 'Unpin' }).waitFor();
    await update.getByRole('button', { name: 'Correct' }).click();
    await update.getByLabel('Corrected text').fill(`corrected ${SCRIPT_PAYLOAD}`);
    await update.getByLabel('Reason for the correction (readers see it)').fill(text('reason'));
    await update.getByRole('button', { name: 'Save correction' }).click();
    await updateWith(page, 'corrected').waitFor(SHOWN_WITHIN);

    await console.getByLabel('Headline', { exact: true }).fill(text('headline'));
    await console.getByRole('button', { name: 'Change headline' }).click();
    await console.getByText('Headline changed.').waitFor();
    await console.getByLabel('Dead: count').fill('3');
    for (const label of ['Source', 'Scope', 'Note']) await console.getByLabel(label, { exact: true }).fill(text(label));
    await console.getByRole('button', { name: 'Revise figures' }).click();
    await console.getByText('Figures revised.').waitFor();
    await console.getByLabel('Period', { exact: true }).fill(`period ${SHORT_PAYLOAD}`);
    await console.getByLabel('Entry', { exact: true }).fill(text('timeline'));
    await console.getByRole('button', { name: 'Add to timeline' }).click();
    await console.getByText('Added to the timeline.').waitFor();
    await console.getByLabel('Place', { exact: true }).fill('Osh <img src=x onerror="window.__pwned=3">');
    await console.getByLabel('Status', { exact: true }).fill(text('status'));
    await console.getByRole('button', { name: 'Set status' }).click();
    await console.getByText('Status set.').waitFor();
    await console.getByLabel('Closing note (optional)').fill(text('closing'));
    await console.getByRole('button', { name: 'Close the story' }).click();
    await console.getByRole('dialog').getByRole('button', { name: 'Close the story' }).click();
    await page.locator('[data-closed]:not([hidden])').waitFor(SHOWN_WITHIN);
    await console.getByText('This story is closed').waitFor();

    expect(await page.locator('[data-field="title"]').first().textContent()).toBe(text('headline'));
    expect(await console.locator('[data-figures-setter]').textContent()).toBe(`Editor ${SHORT_PAYLOAD}`);
    for (const each of [console, page]) expect(await injected(each)).toEqual({ pwned: null, elements: 0 });
    await console.reload();
    await page.reload();
    for (const each of [console, page]) expect(await injected(each)).toEqual({ pwned: null, elements: 0 });
    expect([...editor.dialogs, ...reader.dialogs]).toEqual([]);
    expect([...editor.outside, ...reader.outside]).toEqual([]);
  });
});
