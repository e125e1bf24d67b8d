import type { Page } from 'playwright-core';
import { LiveGateway } from '../../src/live-blog/realtime/live.gateway.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  launchBrowser,
  screenshots,
  type RecordingContext,
  type TestBrowser,
} from '../support/browser.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const STORY = 'kyrgyzstan-2010-04-08';

describeInBrowser('reader page in chromium: kept live over /live', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let recording: RecordingContext;
  let page: Page;
  const editor = () => bearer(t.token('editor', 'Rayhan Demytrie'));
  const write = (method: 'post' | 'put', path: string, body: object = {}) =>
    t.http[method](`/api/live-blogs/${STORY}${path}`).set(editor()).send(body).expect(201);

  beforeAll(async () => {
    t = await startApp({ seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    recording = await browser.context();
    page = await recording.newPage();
    await page.goto(`${t.url}/live/${STORY}`);
    await page.evaluate('window.__notReloaded = true');
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
  });
  afterEach(async () => {
    expect(recording.outside).toEqual([]);
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await recording.context.close();
  });

  it('shows an update posted through the API without a reload, with every field, and announces it', async () => {
    await write('post', '/updates', {
      updateId: 'envoy-calls-for-calm',
      kind: 'breaking',
      body: 'Gunfire was heard again near the <strong>White House</strong>.',
      byline: 'Rayhan Demytrie',
      attribution: 'Interior ministry spokesman',
      location: 'Bishkek',
      sources: 'Reuters',
    });
    const update = page.locator('#update-envoy-calls-for-calm');
    await update.waitFor();
    expect(await page.locator('[data-updates] > article').first().getAttribute('id')).toBe(
      'update-envoy-calls-for-calm',
    );
    expect(await update.locator('[data-field="body"] strong').textContent()).toBe('White House');
    expect(await update.locator('[data-field="kind"]').textContent()).toBe('Breaking');
    for (const [name, text] of [
      ['byline', 'Rayhan Demytrie'],
      ['attribution', 'Interior ministry spokesman'],
      ['location', 'Bishkek'],
      ['sources', 'Reuters'],
    ]) {
      expect(await update.locator(`[data-field="${name}"]`).textContent()).toBe(text);
      expect(await update.locator(`[data-field="${name}"]`).isVisible()).toBe(true);
    }
    expect(await page.locator('[data-announcer]').textContent()).toContain('Gunfire was heard again');
    expect(await page.locator('[data-field="last-updated"]').textContent()).toMatch(
      /^Page last updated at \d\d:\d\d GMT, \w+day, \d+ \w+ \d{4}$/,
    );
    await screenshots(page, 'reader-live');
  });

  it('moves the readers count as readers come and go', async () => {
    const readers = page.locator('[data-readers]');
    await page.getByText('1 person reading now').waitFor();
    const second = await recording.newPage();
    await second.goto(`${t.url}/live/${STORY}`);
    await page.getByText('2 people reading now').waitFor();
    await second.close();
    await page.getByText('1 person reading now').waitFor();
    expect(await readers.isVisible()).toBe(true);
  });

  it('corrects an update in place with a visible note and reason, and drops a retracted one', async () => {
    await write('post', '/updates/gunfire-after-nightfall/corrections', {
      body: 'Sporadic gunfire was heard after nightfall.',
      reason: 'Reuters revised its report',
    });
    const corrected = page.locator('#update-gunfire-after-nightfall');
    await corrected.locator('[data-field="correction"]').waitFor({ state: 'visible' });
    expect(await corrected.locator('[data-field="body"]').textContent()).toBe(
      'Sporadic gunfire was heard after nightfall.',
    );
    expect(await corrected.locator('[data-field="correction"]').textContent()).toMatch(
      /Corrected\s+\d\d:\d\d GMT.*:\s+Reuters revised its report/s,
    );
    await write('post', '/updates/moscow-denies-role/retraction', { reason: 'Not confirmed' });
    await page.locator('#update-moscow-denies-role').waitFor({ state: 'detached' });
    expect(await page.getByText('Moscow has denied playing any role').count()).toBe(0);
  });

  it('changes headline, summary, figures, key points, timeline and places live; says when it closes', async () => {
    await write('put', '/headline', { title: 'Kyrgyz opposition consolidates power' });
    await write('put', '/summary', { summary: 'The interim government says it controls the country.' });
    await write('post', '/casualty-figures', {
      dead: { count: 76, qualifier: 'at-least' },
      source: 'Health ministry',
    });
    await write('put', '/updates/osh-scuffles/pin');
    await write('post', '/timeline', {
      entryId: '2010-04-08',
      period: '8 April 2010',
      text: 'Interim government formed',
    });
    await write('put', '/locations/Jalal-Abad', { status: 'Mr Bakiyev is believed to be here.' });
    await write('put', '/locations/Osh', { status: 'Calm returns.' });
    await page.getByText('Calm returns.').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Kyrgyz opposition consolidates power');
    expect(await page.title()).toBe('Kyrgyz opposition consolidates power | Dateline');
    expect(await page.locator('.story__header [data-field="summary"]').textContent()).toBe(
      'The interim government says it controls the country.',
    );
    expect(await page.locator('[data-casualties] [data-field="words"]').textContent()).toBe(
      'at least 76 dead, more than 1,000 injured',
    );
    expect(await page.locator('[data-casualties] [data-field="source"]').textContent()).toBe('Health ministry');
    expect(await page.locator('[data-key-points-list] li').textContent()).toContain('Reuters reported scuffles in Osh');
    expect(await page.locator('[data-timeline-list] li').last().textContent()).toBe(
      '8 April 2010 Interim government formed',
    );
    expect(await page.locator('[data-places-list] li').last().textContent()).toContain('Jalal-Abad');
    const oshUpdated = await page.locator('[data-place="Osh"] [data-field="at"]').textContent();
    expect(oshUpdated).toMatch(/^\d\d:\d\d GMT$/);
    expect(oshUpdated).not.toBe('16:31 GMT');
    expect(await page.locator('[data-places-list] li').count()).toBe(7);
    await write('post', '/close', { reason: 'Coverage continues on a new page' });
    await page.locator('[data-closed]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-ended-badge]').isVisible()).toBe(true);
    expect(await page.locator('[data-live-badge]').isVisible()).toBe(false);
    await screenshots(page, 'reader-closed');
  });
});

describeInBrowser('reader page in chromium: reading down the page, reconnecting, paging', () => {
  let t: TestApp;
  let browser: TestBrowser;
  const post = (id: string, body: string, extra: object = {}) =>
    t.http
      .post(`/api/live-blogs/${id}/updates`)
      .set(bearer(t.token('editor')))
      .send({ kind: 'report', body, ...extra })
      .expect(201);

  beforeAll(async () => {
    t = await startApp();
    browser = await launchBrowser();
    await givenLiveBlog(t, { id: 'long-story', title: 'A long story', summary: 'Many updates.' });
    for (let index = 1; index <= 60; index++)
      await post('long-story', `Development number ${index}.`, { updateId: `dev-${index}` });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('holds new updates behind an "N new updates" button while the reader is down the page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/long-story`);
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
    await page.locator('#update-dev-30').scrollIntoViewIfNeeded();
    const before = await page.locator('#update-dev-30').boundingBox();
    await post('long-story', 'First while away.', { updateId: 'away-1' });
    await post('long-story', 'Second while away.', { updateId: 'away-2' });
    const button = page.locator('[data-new-updates]');
    await page.getByRole('button', { name: '2 new updates' }).waitFor();
    expect(await page.locator('#update-away-1').count()).toBe(0);
    // What the reader is reading stays where it was (sub-pixel rounding aside).
    expect(Math.abs((await page.locator('#update-dev-30').boundingBox())!.y - before!.y)).toBeLessThan(2);
    await screenshots(page, 'reader-new-updates-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('#update-away-2').waitFor();
    expect(await page.locator('[data-updates] > article').first().getAttribute('id')).toBe('update-away-2');
    expect(await page.evaluate('document.activeElement.id')).toBe('update-away-2');
    expect(await button.isHidden()).toBe(true);
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('pages through older updates from the API without leaving the page', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/long-story`);
    const count = () => page.locator('[data-updates] > article').count();
    expect(await count()).toBe(50);
    await page.getByRole('link', { name: 'Older updates' }).click();
    await page.locator('#update-dev-1').waitFor();
    expect(await page.locator('#update-dev-1').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Older updates' }).count()).toBe(0);
    expect(page.url()).toBe(`${t.url}/live/long-story`);
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('resumes after the server drops it, and redraws when the gap holds a retraction', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/live/long-story`);
    await page.locator('[data-readers]').waitFor({ state: 'visible' });
    const acks: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => acks.push(String(payload))));
    const live = t.app.get(LiveGateway)['server'];
    live.disconnectSockets(true);
    await post('long-story', 'Posted while the reader was away.', { updateId: 'while-away' });
    await page.locator('#update-while-away').waitFor();
    live.disconnectSockets(true);
    await t.http
      .post('/api/live-blogs/long-story/updates/dev-60/retraction')
      .set(bearer(t.token('editor')))
      .send({ reason: 'Wrong' })
      .expect(201);
    await post('long-story', 'Posted after the retraction.', { updateId: 'after-retraction' });
    await page.locator('#update-after-retraction').waitFor();
    expect(await page.locator('#update-dev-60').count()).toBe(0);
    expect(await page.locator('#update-while-away').count()).toBe(1);
    // The first gap was replayed event by event; the one holding the retraction answered with the article.
    expect(acks.some((frame) => frame.includes('"recovered":true'))).toBe(true);
    expect(acks.some((frame) => frame.includes('"recovered":false'))).toBe(true);
    expect(await page.locator('[data-connection]').textContent()).toBe('');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });
});
