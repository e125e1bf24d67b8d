import { startedApp } from '../support/app.js';
import {
  describeInBrowser,
  horizontalOverflow,
  PHONE,
  screenshots,
  SHOWN_WITHIN,
  startedBrowser,
} from '../support/browser.js';
import { addEditors, openConsole, updateWith } from '../support/console.js';

const STORY = 'kyrgyzstan-2010-04-08';

describeInBrowser('newsroom console in chromium: write, and readers follow', () => {
  const t = startedApp({ seed: true });
  const browser = startedBrowser();
  beforeAll(async () => {
    await addEditors(t);
  });

  it('publishes an update that a reader page in another browser is pushed, with no reload or request of its own', async () => {
    const editor = await browser.context();
    const reader = await browser.context();
    const console = await editor.newPage();
    const page = await reader.newPage();
    await openConsole(console, t, STORY, 'ann');
    await page.goto(`${t.url}/live/${STORY}`);
    await page.locator('[data-readers]:not([hidden])').waitFor();

    await console.getByLabel('Kind').selectOption('breaking');
    await console.getByLabel('Update', { exact: true }).fill('Troops have <b>withdrawn</b> from the central square.');
    await console.getByLabel('Byline').fill('Rayhan Demytrie, Bishkek');
    expect(await console.locator('[data-compose-preview] .update__body b').textContent()).toBe('withdrawn');
    // Pushed, not fetched: the page neither reloads nor asks the server for anything to show it
    // (how fast it shows is a benchmark's question, P1; on a loaded machine it can take seconds).
    await page.evaluate('window.beforePublish = true');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await console.getByRole('button', { name: 'Publish' }).click();
    await updateWith(page, 'Troops have withdrawn from the central square.').waitFor(SHOWN_WITHIN);
    expect(await page.evaluate('window.beforePublish')).toBe(true);
    expect(requested.filter((url) => !url.includes('/socket.io/'))).toEqual([]);
    expect(await updateWith(page, 'withdrawn').locator('[data-field="byline"]').textContent()).toBe(
      'Rayhan Demytrie, Bishkek',
    );
    await console.getByText('Published.').waitFor();
    expect(await console.getByLabel('Update', { exact: true }).inputValue()).toBe('');
    await console.evaluate('window.scrollTo(0, 0)');
    await screenshots(console, 'console');
    expect([...editor.outside, ...reader.outside]).toEqual([]);
    await editor.context.close();
    await reader.context.close();
  });

  it('publishes with Ctrl+Enter, corrects with a reason, retracts after a confirmation; readers follow', async () => {
    const editor = await browser.context();
    const reader = await browser.context();
    const console = await editor.newPage();
    const page = await reader.newPage();
    await openConsole(console, t, STORY, 'ann');
    await page.goto(`${t.url}/live/${STORY}`);
    await page.locator('[data-readers]:not([hidden])').waitFor();

    await console.getByLabel('Update', { exact: true }).fill('Gunfire was heard near Naryn.');
    await console.getByLabel('Update', { exact: true }).press('Control+Enter');
    await updateWith(page, 'Gunfire was heard near Naryn.').waitFor(SHOWN_WITHIN);

    const update = updateWith(console, 'Gunfire was heard near Naryn.');
    await update.getByRole('button', { name: 'Correct' }).click();
    await update.getByLabel('Corrected text').fill('Gunfire was heard near Talas.');
    await update.getByLabel('Reason for the correction (readers see it)').fill('The town was Talas, not Naryn');
    await update.getByRole('button', { name: 'Save correction' }).click();
    const corrected = updateWith(page, 'Gunfire was heard near Talas.');
    await corrected
      .locator('[data-field="correction-reason"]', { hasText: 'The town was Talas, not Naryn' })
      .waitFor(SHOWN_WITHIN);

    const correctedInConsole = updateWith(console, 'Gunfire was heard near Talas.');
    await correctedInConsole.getByRole('button', { name: 'Retract' }).click();
    await correctedInConsole.getByRole('button', { name: 'Retract update' }).click();
    await correctedInConsole.getByText('Give a reason for the retraction').waitFor();
    await correctedInConsole
      .getByLabel('Reason for retraction (required, kept for auditors; readers do not see it)')
      .fill('Unconfirmed report');
    await correctedInConsole.getByRole('button', { name: 'Retract update' }).click();
    const dialog = console.getByRole('dialog', { name: 'Retract this update?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await correctedInConsole.getByText('Not retracted.').waitFor();
    expect(await corrected.count()).toBe(1);

    await correctedInConsole.getByRole('button', { name: 'Retract update' }).click();
    await dialog.getByRole('button', { name: 'Retract update' }).click();
    await corrected.waitFor({ ...SHOWN_WITHIN, state: 'detached' });
    await updateWith(console, 'Gunfire was heard near Talas.').waitFor({ state: 'detached' });
    expect(editor.dialogs).toEqual([]);
    await editor.context.close();
    await reader.context.close();
  });

  it('pins and unpins an update as a key point', async () => {
    const editor = await browser.context();
    const console = await editor.newPage();
    await openConsole(console, t, STORY, 'ann');
    await console.getByLabel('Update', { exact: true }).fill('The interim government held its first meeting.');
    await console.getByRole('button', { name: 'Publish' }).click();
    const update = updateWith(console, 'The interim government held its first meeting.');
    await update.getByRole('button', { name: 'Pin' }).click();
    await console
      .locator('[data-key-points-list] li', { hasText: 'The interim government held its first meeting.' })
      .waitFor();
    await update.getByRole('button', { name: 'Unpin' }).click();
    await console
      .locator('[data-key-points-list] li', { hasText: 'The interim government' })
      .waitFor({ state: 'detached' });
    await update.getByRole('button', { name: 'Pin' }).waitFor();
    await editor.context.close();
  });

  it('has no horizontal scroll on a 375 px phone, and every control has a visible label', async () => {
    const editor = await browser.context({ viewport: PHONE });
    const console = await editor.newPage();
    await openConsole(console, t, STORY, 'ann');
    expect(await horizontalOverflow(console)).toBe(0);
    const unlabelled = await console.evaluate<string[]>(`[...document.querySelectorAll('input, select, textarea')]
      .filter((control) => control.type !== 'hidden')
      .filter((control) => ![...(control.labels ?? [])].some((label) => label.offsetParent && label.textContent.trim()))
      .filter((control) => control.offsetParent)
      .map((control) => control.name || control.id)`);
    expect(unlabelled).toEqual([]);
    await console.goto(`${t.url}/newsroom`);
    expect(await horizontalOverflow(console)).toBe(0);
    await console.evaluate('window.scrollTo(0, 0)');
    await screenshots(console, 'newsroom');
    await editor.context.close();
  });
});
