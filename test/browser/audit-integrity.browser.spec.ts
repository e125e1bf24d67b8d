import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { startApp, type TestApp } from '../support/app.js';
import { describeInBrowser, launchBrowser, type TestBrowser } from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';

describeInBrowser('auditor page in chromium: a store someone altered', () => {
  let folder: string;
  let t: TestApp;
  let browser: TestBrowser;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-audit-page-'));
    const file = join(folder, 'events.db');
    t = await startApp({ seed: true, storePath: file });
    // Straight into the file, as someone with access to the disk would: the 10:30 update's words.
    openSqliteConnection(file).exec(
      `UPDATE events SET data = json_set(data, '$.body', 'Mr Bakiyev resigned.')
       WHERE stream = 'liveblog-${STORY}' AND revision = 19`,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('names the first broken revision, and still replays the page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByLabel('Auditor token').fill(t.token('auditor', 'Ann Auditor'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const integrity = page.locator('#integrity.integrity-broken');
    await integrity.waitFor();
    const said = await integrity.textContent();
    expect(said).toMatch(/^Broken at revision 19: its content no longer matches its stored hash\./);
    await page.locator('#as-of [data-article][data-revision="39"]').waitFor();
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });
});
