import { bearer, startApp, type TestApp } from '../support/app.js';
import { describeInBrowser, launchBrowser, screenshots, type TestBrowser } from '../support/browser.js';
import { addEditors, openConsole, updateWith } from '../support/console.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'bishkek-queue';
const api = `/api/live-blogs/${BLOG}`;

/** Polls until the count is reached (the queue asks the server every few seconds). */
async function until(count: () => Promise<number>, expected: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let seen = await count(); seen !== expected; seen = await count()) {
    if (Date.now() > deadline) throw new Error(`expected ${expected}, still ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeInBrowser('console in chromium: scheduled updates and submissions', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    await addEditors(t);
    editor = bearer(t.token('editor', 'Rayhan Demytrie'));
    await givenLiveBlog(
      t,
      { id: BLOG, title: 'Kyrgyzstan unrest' },
      { headers: editor, updates: [{ kind: 'report', body: 'Crowds gather.' }] },
    );
    const later = new Date(Date.now() + 2 * 3600_000 + 5 * 60_000).toISOString();
    await t.http
      .post(`${api}/updates`)
      .set(editor)
      .send({
        updateId: 'embargo',
        kind: 'statement',
        headline: 'Interim government statement',
        body: 'Embargoed text.',
        publishAt: later,
      })
      .expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists scheduled updates with a countdown, schedules one from the form, and shows submissions as they arrive', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await openConsole(page, t, BLOG, 'ann');
    const scheduled = page.locator('[data-scheduled-list] .queue__item');
    await expect(scheduled.first().locator('[data-countdown]').textContent()).resolves.toMatch(/^in 2 h 0[45] min$/);
    expect(await scheduled.first().textContent()).toContain('Interim government statement');

    // Scheduled from the console's own form, 90 s ahead: it joins the list, and the readers' side stays as it was.
    const soon = new Date(Date.now() + 90_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    await page.getByLabel('Update', { exact: true }).fill('Curfew from 22:00, the ministry says.');
    await page.locator('#compose-publish-at').fill(local);
    await page.getByRole('button', { name: 'Publish' }).click();
    await until(() => scheduled.count(), 2);
    await expect(scheduled.first().locator('[data-countdown]').textContent()).resolves.toMatch(/^in 1 min \d\d s$/);
    expect(await updateWith(page, 'Curfew from 22:00').count()).toBe(0);

    const contributor = bearer(t.token('contributor', 'Aida Stringer'));
    await t.http
      .post(`${api}/submissions`)
      .set(contributor)
      .send({ kind: 'eyewitness', body: 'Tanks on the Osh road.' })
      .expect(201);
    const submissions = page.locator('[data-submissions-list] .queue__item');
    await until(() => submissions.count(), 1);
    expect(await submissions.first().textContent()).toContain('From Aida Stringer');
    await screenshots(page, 'console-queue');

    await submissions.first().getByRole('button', { name: 'Approve' }).click();
    await until(() => updateWith(page, 'Tanks on the Osh road.').count(), 1);
    await until(() => submissions.count(), 0);
    await scheduled.last().getByRole('button', { name: 'Cancel' }).click();
    await until(() => scheduled.count(), 1);
    expect(recording.outside).toEqual([]);
  }, 60_000);
});
