import { readFileSync } from 'node:fs';
import { addAccount, PASSWORD } from '../support/accounts.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import {
  afterResize,
  describeInBrowser,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  screenshots,
  type Page,
  type RecordingContext,
  type TestBrowser,
} from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';
const HEADLINE = 'Kyrgyzstan President Bakiyev refuses to resign';
/** The reference story's last event: the 17:37 update; two revisions of the figures follow it here. */
const AT_1737 = 39;
/** 16:00, the update before the places were listed and before the 17:37 update. */
const AT_1600 = 32;

/** Two later revisions of the figures by two editors, so the chart has more than the story's one point. */
const LATER_FIGURES = [
  {
    editor: 'Richard Galpin',
    body: { dead: { count: 76, qualifier: 'at-least' }, source: 'Health ministry', at: '2010-04-08T18:00:00Z' },
  },
  {
    editor: 'Rayhan Demytrie',
    body: {
      dead: { count: 80, qualifier: 'about' },
      injured: { count: 1400, qualifier: 'more-than' },
      source: 'Interior ministry',
      at: '2010-04-08T19:00:00Z',
    },
  },
];

describeInBrowser('auditor page in chromium: the reference story replayed', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let recording: RecordingContext;
  let page: Page;
  const asOf = (revision: number) => page.locator(`#as-of [data-article][data-revision="${revision}"]`);

  beforeAll(async () => {
    t = await startApp({ seed: true });
    for (const { editor, body } of LATER_FIGURES) {
      const token = t.token('editor', editor);
      await t.http.post(`/api/live-blogs/${STORY}/casualty-figures`).set(bearer(token)).send(body).expect(201);
    }
    browser = await launchBrowser();
    recording = await browser.context();
    page = await recording.newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByLabel('Auditor token').fill(t.token('auditor', 'Ann Auditor'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await asOf(AT_1737 + 2).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps the token for the tab only and opens at the head', async () => {
    expect(await page.evaluate('sessionStorage.getItem("dateline.auditorToken") !== null')).toBe(true);
    expect(await page.evaluate('localStorage.length + document.cookie.length')).toBe(0);
    expect(await page.locator('#bearer').textContent()).toBe('Ann Auditor (auditor)');
  });

  it('shows the 17:37 page through the reader rendering when the slider rests there, by keyboard', async () => {
    await page.locator('#revision').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const view = asOf(AT_1737);
    await view.waitFor();
    expect(await view.locator('h1').textContent()).toBe(HEADLINE);
    const lastUpdated = await view.locator('[data-field="last-updated"]').textContent();
    expect(lastUpdated).toBe('Page last updated at 17:37 GMT, Thursday, 8 April 2010');
    const figures = await view.locator('[data-casualties] [data-field="words"]').textContent();
    expect(figures).toBe('75 dead, more than 1,000 injured');
    expect(await view.locator('[data-update-id="us-envoy-meets-otunbayeva"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#revision-label').textContent()).toMatch(/^39 of 41 · 17:37 UTC/);
    expect(new URL(page.url()).search).toBe(`?revision=${AT_1737}`);
    await screenshots(page, 'audit');
  });

  it('shows the earlier state when moved back, and the state at a chosen moment', async () => {
    await page.locator('#revision').fill(String(AT_1600));
    const view = asOf(AT_1600);
    await view.waitFor();
    const lastUpdated = await view.locator('[data-field="last-updated"]').textContent();
    expect(lastUpdated).toBe('Page last updated at 16:00 GMT, Thursday, 8 April 2010');
    expect(await view.locator('[data-update-id="us-envoy-meets-otunbayeva"]').count()).toBe(0);
    expect(await view.locator('[data-update-id="gunfire-after-nightfall"]').count()).toBeGreaterThan(0);
    expect(await view.locator('[data-places-list] li').count()).toBe(0);

    await page.getByLabel('Or at a moment (UTC)').fill('2010-04-08T12:10');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await asOf(24).waitFor(); // the 12:00 update is the last event at or before 12:10
    expect(await page.locator('#revision').inputValue()).toBe('24');
  });

  it('charts one point per revision of the figures, qualifiers marked, with their sources and authors', async () => {
    const auditor = bearer(t.token('auditor'));
    const history = (await t.http.get(`/api/live-blogs/${STORY}/casualty-figures/history`).set(auditor)).body;
    expect(history.revisions).toHaveLength(3);
    const chart = "Chart.getChart(document.getElementById('figures-chart'))";
    const points = await page.evaluate<number[]>(`${chart}.data.datasets.map((dataset) => dataset.data.length)`);
    expect(points).toEqual([3, 3]);
    const shapes = await page.evaluate<string[]>(
      `${chart}.getDatasetMeta(1).data.map((point) => point.options.pointStyle)`,
    );
    expect(shapes).toEqual(['triangle', 'triangle', 'triangle']); // more than 1,000; unchanged; more than 1,400
    const rows = page.locator('#figures-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain('at least 76');
    expect(await rows.nth(1).textContent()).toContain('Richard Galpin (editor)');
    expect(await rows.nth(2).textContent()).toContain('more than 1,400');
    expect(await rows.nth(2).textContent()).toContain('Interior ministry');
  });

  it('shows the diff between two chosen revisions and the intact chain', async () => {
    const integrity = await page.locator('#integrity').textContent();
    expect(integrity).toBe('Intact: the hash chain of all 42 stored events checks out.');
    await page.getByLabel('After revision').fill(String(AT_1600));
    await page.getByLabel('up to revision').fill(String(AT_1737));
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('#diff-list li[data-revision="33"]').waitFor();
    const items = page.locator('#diff-list li');
    expect(await items.count()).toBe(AT_1737 - AT_1600);
    expect(await items.first().textContent()).toContain('Place: Bishkek');
    expect(await items.last().textContent()).toContain('Update posted (statement)');
    const summary = await page.locator('#diff-summary').textContent();
    expect(summary).toMatch(/^7 changes after revision 32 \(16:00 UTC\) up to revision 39 \(17:37 UTC\)/);
  });

  it('downloads the CSV history with the token', async () => {
    const link = page.getByRole('link', { name: /figures history \(CSV\)/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${STORY}-casualty-figures.csv`);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^revision,at,author_id,/);
    expect(lines).toHaveLength(4);
  });

  it('fits a 375 px phone and sent no request outside the app', async () => {
    await page.setViewportSize(PHONE);
    await afterResize(page);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(recording.outside).toEqual([]);
    expect(recording.requests.some((url) => url.endsWith('/assets/vendor/chart.js/chart.umd.min.js'))).toBe(true);
  });
});

describeInBrowser('auditor page in chromium: refusals', () => {
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

  it.each([
    ['a token that does not verify', () => 'not.a.token', /^The token was refused/],
    ["an editor's token", () => t.token('editor'), /^This token cannot audit/],
  ])('refuses %s, says what to do and forgets it', async (_, token, message) => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByLabel('Auditor token').fill(token());
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(message);
    expect(await alert.textContent()).toContain('npm run token -- --role auditor');
    expect(await page.locator('#audit-body').isHidden()).toBe(true);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await recording.context.close();
  });

  it.each([
    ['auditor', 'opens for an auditor account signed in at /signin, with no token', null],
    ['editor', "refuses an editor's account and offers the token form", /^Your account cannot audit/],
  ] as const)('%s: %s', async (role, _, refusal) => {
    await addAccount(t, { username: `${role}-account`, displayName: `Sam ${role}`, role });
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByRole('link', { name: 'sign in with your account' }).click();
    await page.getByLabel('User name').fill(`${role}-account`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/audit/${STORY}`);
    if (refusal) {
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(refusal);
      expect(await page.getByLabel('Auditor token').isVisible()).toBe(true);
    } else {
      await page.locator('#as-of [data-article][data-revision="39"]').waitFor();
      expect(await page.locator('#bearer').textContent()).toBe('Sam auditor (auditor)');
      expect(await page.locator('#sign-out').isHidden()).toBe(true);
    }
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('answers an unknown story with a 404 page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    const response = await page.goto(`${t.url}/audit/no-such-story`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').textContent()).toContain('no-such-story');
    await recording.context.close();
  });
});
