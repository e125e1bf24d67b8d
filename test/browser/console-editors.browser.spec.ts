import { startedApp } from '../support/app.js';
import {
  describeInBrowser,
  screenshots,
  type Page,
  type RecordingContext,
  SHOWN_WITHIN,
  startedBrowser,
} from '../support/browser.js';
import { PASSWORD } from '../support/accounts.js';
import { addEditors, openConsole, updateWith } from '../support/console.js';

const STORY = 'kyrgyzstan-2010-04-08';

const presence = (page: Page) => page.locator('[data-presence-list]');
const headlineField = (page: Page) => page.getByLabel('Headline', { exact: true });

describeInBrowser('newsroom console in chromium: two editors, conflicts and drafts', () => {
  const t = startedApp({ seed: true });
  const browser = startedBrowser();
  beforeAll(async () => {
    await addEditors(t);
  });
  /** Each test's browser contexts, closed after it: an editor left open would stay present in the next test. */
  let opened: RecordingContext[] = [];
  const context = async () => {
    const recording = await browser.context();
    opened.push(recording);
    return recording;
  };
  afterEach(async () => {
    await Promise.all(opened.map((recording) => recording.context.close().catch(() => undefined)));
    opened = [];
  });

  it('shows editors to each other and the other’s change in words; the draft survives a reload', async () => {
    const first = await (await context()).newPage();
    const secondContext = await context();
    const second = await secondContext.newPage();
    await openConsole(first, t, STORY, 'ann');
    await openConsole(second, t, STORY, 'ben');
    await presence(first).getByText('Ben Editor').waitFor();
    expect(await presence(second).textContent()).toContain('Ann Editor');

    await headlineField(second).fill('Bakiyev flees Bishkek as opposition takes over');
    await headlineField(first).fill('Opposition forms interim government in Kyrgyzstan');
    await first.getByRole('button', { name: 'Change headline' }).click();
    await second
      .locator('[data-article] [data-field="title"]', { hasText: 'Opposition forms interim government' })
      .waitFor(SHOWN_WITHIN);
    expect(await headlineField(second).inputValue()).toBe('Bakiyev flees Bishkek as opposition takes over');

    await second.getByRole('button', { name: 'Change headline' }).click();
    const conflict = second.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Ann Editor');
    expect(await conflict.textContent()).toContain(
      'Changed the headline to “Opposition forms interim government in Kyrgyzstan”',
    );
    expect(await headlineField(second).inputValue()).toBe('Bakiyev flees Bishkek as opposition takes over');
    await second.evaluate('window.scrollTo(0, 0)');
    await screenshots(second, 'console-conflict');

    await second.reload();
    expect(await headlineField(second).inputValue()).toBe('Bakiyev flees Bishkek as opposition takes over');
    await second.getByRole('button', { name: 'Change headline' }).click();
    await conflict.getByRole('button', { name: 'Apply my change on top' }).click();
    await first
      .locator('[data-article] [data-field="title"]', { hasText: 'Bakiyev flees Bishkek' })
      .waitFor(SHOWN_WITHIN);
    await second.getByText('Headline changed.').waitFor();

    await secondContext.context.close();
    await presence(first).getByText('Ben Editor').waitFor({ state: 'detached' });
    expect(await presence(first).textContent()).toContain('Ann Editor (you)');
  });

  it('discards a conflicting change when the editor chooses to, showing the other editor’s text', async () => {
    const first = await (await context()).newPage();
    const second = await (await context()).newPage();
    await openConsole(first, t, STORY, 'ann');
    await openConsole(second, t, STORY, 'ben');
    await second.getByLabel('Summary', { exact: true }).fill('Ben’s summary, never sent.');
    await first.getByLabel('Summary', { exact: true }).fill('The opposition says it has taken power.');
    await first.getByRole('button', { name: 'Revise summary' }).click();
    await first.getByText('Summary revised.').waitFor();
    await second.getByRole('button', { name: 'Revise summary' }).click();
    await second.locator('.conflict').getByRole('button', { name: 'Discard my change' }).click();
    expect(await second.getByLabel('Summary', { exact: true }).inputValue()).toBe(
      'The opposition says it has taken power.',
    );
    await second.reload();
    expect(await second.getByLabel('Summary', { exact: true }).inputValue()).toBe(
      'The opposition says it has taken power.',
    );
  });

  it('keeps an update typed while offline, and sends it once when the connection is back', async () => {
    const editor = await context();
    const reader = await (await context()).newPage();
    const console = await editor.newPage();
    await openConsole(console, t, STORY, 'ann');
    await reader.goto(`${t.url}/live/${STORY}`);
    const text = 'Looting was reported in the centre of Bishkek overnight.';
    await console.getByLabel('Update', { exact: true }).fill(text);
    await editor.context.setOffline(true);
    await console.getByRole('button', { name: 'Publish' }).click();
    await console.getByText('Not sent: the connection dropped.').waitFor();
    await console.reload().catch(() => undefined);
    await editor.context.setOffline(false);
    await console.goto(`${t.url}/newsroom/${STORY}`);
    expect(await console.getByLabel('Update', { exact: true }).inputValue()).toBe(text);
    await console.getByRole('button', { name: 'Publish' }).click();
    await updateWith(reader, text).waitFor(SHOWN_WITHIN);
    await console.getByText('Published.').waitFor();
    expect(await updateWith(reader, text).count()).toBe(1);
    expect(await console.getByLabel('Update', { exact: true }).inputValue()).toBe('');
  });

  it('keeps the draft when the session ends, drops the editor from presence, sends after a new sign-in', async () => {
    const first = await (await context()).newPage();
    const secondContext = await context();
    const second = await secondContext.newPage();
    await openConsole(first, t, STORY, 'ann');
    await openConsole(second, t, STORY, 'ben');
    await presence(first).getByText('Ben Editor').waitFor();
    const text = 'Parliament was dissolved, the interim government said.';
    await second.getByLabel('Update', { exact: true }).fill(text);

    // The session ends without this browser signing out (as on another device, or by expiry).
    const cookie = (await secondContext.context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const csrf = (await second.locator('meta[name="csrf-token"]').getAttribute('content')) ?? '';
    await t.http.post('/signout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(303);
    await presence(first)
      .getByText('Ben Editor')
      .waitFor({ ...SHOWN_WITHIN, state: 'detached' });

    await second.getByRole('button', { name: 'Publish' }).click();
    await second.getByText('Not sent: your session has ended.').waitFor();
    expect(await second.getByLabel('Update', { exact: true }).inputValue()).toBe(text);
    await second.getByRole('button', { name: 'Sign in again' }).click();
    await second.getByLabel('User name').fill('ben');
    await second.getByLabel('Password').fill(PASSWORD);
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.waitForURL(`**/newsroom/${STORY}`);
    expect(await second.getByLabel('Update', { exact: true }).inputValue()).toBe(text);
    await second.getByRole('button', { name: 'Publish' }).click();
    await updateWith(first, text).waitFor(SHOWN_WITHIN);
  }, 90_000);

  it('never shows one editor’s draft to the next editor on the same browser, and forgets drafts on sign-out', async () => {
    const browserOfBoth = await context();
    const page = await browserOfBoth.newPage();
    const update = () => page.getByLabel('Update', { exact: true });
    await openConsole(page, t, STORY, 'ann');
    const text = 'Ann’s unsent update: the curfew is lifted at dawn.';
    await update().fill(text);
    await headlineField(page).fill('Ann’s unsent headline');

    // Ann's session is lost without a sign-out (it expired, the cookie was cleared); Ben signs in here.
    await browserOfBoth.context.clearCookies();
    await openConsole(page, t, STORY, 'ben');
    expect(await update().inputValue()).toBe('');
    expect(await headlineField(page).inputValue()).not.toContain('Ann’s');

    // Ben's session is lost too, and Ann comes back: her draft is still hers.
    await browserOfBoth.context.clearCookies();
    await openConsole(page, t, STORY, 'ann');
    expect(await update().inputValue()).toBe(text);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    expect(
      await page.evaluate<string[]>('Object.keys(localStorage).filter((key) => key.startsWith("dateline:draft:"))'),
    ).toEqual([]);
    await openConsole(page, t, STORY, 'ann');
    expect(await update().inputValue()).toBe('');
  }, 90_000);
});
