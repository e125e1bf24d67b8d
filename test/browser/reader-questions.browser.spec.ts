import { bearer, startedApp } from '../support/app.js';
import { describeInBrowser, screenshots, SHOWN_WITHIN, startedBrowser } from '../support/browser.js';
import { addEditors, openConsole, updateWith } from '../support/console.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'osh-reader-tools';

/**
 * The reader page's "Notify me of key developments" and "Ask the desk", and the console's questions.
 * A real push subscription needs the browser vendor's push service on the internet: offline, this
 * checks that the control renders and loads nothing from outside (test/e2e/push-notifications covers sending).
 */
describeInBrowser('reader tools in chromium: follow the story, ask the desk, answer in the console', () => {
  const t = startedApp();
  const browser = startedBrowser();

  beforeAll(async () => {
    await addEditors(t);
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Unrest in Osh' },
      { headers: editor, updates: [{ kind: 'report', body: '<p>Shops shut early in the centre.</p>' }] },
    );
  });

  it('offers "Notify me of key developments" and takes a question, loading nothing from outside', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/${BLOG}`);
    const notify = page.getByRole('button', { name: 'Notify me of key developments' });
    await notify.waitFor();
    expect(await notify.getAttribute('aria-pressed')).toBe('false');
    await page.getByLabel('Your name').fill('Aigul');
    await page.getByLabel('Your question').fill('Is the road to Jalal-Abad open tonight?');
    await screenshots(page, 'reader-tools');
    await page.getByRole('button', { name: 'Send question' }).click();
    await page.getByText('Sent. Thank you').waitFor();
    expect(await page.getByLabel('Your question').inputValue()).toBe('');
    expect(recording.outside).toEqual([]);
    // Sent, yet nowhere on the reader's page.
    await page.reload();
    expect(await page.content()).not.toContain('Jalal-Abad');
  });

  it('lists the question live in the console and publishes the answer with the reader’s name', async () => {
    const page = await (await browser.context()).newPage();
    await openConsole(page, t, BLOG, 'ann');
    const question = page.locator('[data-questions-list] .question').filter({ hasText: 'Jalal-Abad' });
    await question.waitFor();
    // A second question arrives while the console is open: it shows up without a reload.
    await t.http
      .post(`/api/live-blogs/${BLOG}/questions`)
      .send({ name: 'Bakyt', text: 'Where can we find water?' })
      .expect(202);
    await page.locator('[data-questions-list] .question').filter({ hasText: 'water' }).waitFor(SHOWN_WITHIN);
    await question.getByLabel(/Answer/).fill('Police reopened it at 21:00, with checkpoints.');
    await screenshots(page, 'console-questions');
    await question.getByRole('button', { name: 'Publish answer' }).click();
    const update = updateWith(page, 'Police reopened it');
    await update.waitFor();
    expect(await update.locator('[data-field="body"]').textContent()).toContain('Aigul asks:');
    expect(await update.locator('[data-field="attribution"]').textContent()).toBe('Question from Aigul, a reader');
    // Answered: it moves to the folded list below, marked so.
    const answered = page.locator('[data-questions-done-list] .question').filter({ hasText: 'Jalal-Abad' });
    await answered.waitFor({ state: 'attached' });
    expect(await answered.locator('[data-field="status"]').textContent()).toBe('answered');
    const reader = await (await browser.context()).newPage();
    await reader.goto(`${t.url}/live/${BLOG}`);
    expect(await updateWith(reader, 'Police reopened it').textContent()).toContain('Aigul asks:');
    await screenshots(reader, 'reader-answered-question');
  }, 60_000);
});
