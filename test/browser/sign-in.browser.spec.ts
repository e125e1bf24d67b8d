import { startedApp } from '../support/app.js';
import { addAccount, PASSWORD } from '../support/accounts.js';
import { describeInBrowser, horizontalOverflow, PHONE, screenshots, startedBrowser } from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';

describeInBrowser('signing in and out in chromium', () => {
  const t = startedApp({ seed: true });
  const browser = startedBrowser();
  beforeAll(async () => {
    await addAccount(t);
  });

  it('signs in through the form by keyboard, with an HttpOnly, SameSite=Strict cookie no script reads', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/signin?next=/signin`);
    await page.getByLabel('User name').fill('ann');
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('The user name or password is wrong.');
    expect(await page.getByLabel('User name').inputValue()).toBe('ann');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('.sign-out').textContent()).toMatch(/Signed in as\s+Ann Editor\s+\(editor\)/);
    const [cookie] = (await recording.context.cookies()).filter((c) => c.name === 'dateline_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
    expect(await page.evaluate('document.cookie')).not.toContain('dateline_session');
    await screenshots(page, 'signed-in');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('signs out, after which the old session’s cookie and token are refused', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/signin?next=/signin`);
    await page.getByLabel('User name').fill('ann');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const [old] = (await recording.context.cookies()).filter((c) => c.name === 'dateline_session');
    const csrfToken = (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    const post = (body: string) =>
      page.evaluate(
        async ({ story, token, text }) => {
          const response = await fetch(`/api/live-blogs/${story}/updates`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
            body: JSON.stringify({ kind: 'report', body: text }),
          });
          return response.status;
        },
        { story: STORY, token: csrfToken, text: body },
      );
    expect(await post('Posted from the signed-in page.')).toBe(201);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(page.url()).toBe(`${t.url}/signin`);
    expect((await recording.context.cookies()).map((c) => c.name)).not.toContain('dateline_session');
    expect(await post('Posted after signing out.')).toBe(401);
    // The old cookie put back in the browser, and its token sent as a bearer: both refused.
    await recording.context.addCookies([old!]);
    expect(await post('Posted with the old cookie.')).toBe(401);
    await page.goto(`${t.url}/signin`);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    const bearer = await t.http
      .post(`/api/live-blogs/${STORY}/updates`)
      .set('Authorization', `Bearer ${old!.value}`)
      .send({ kind: 'report', body: 'x' });
    expect(bearer.status).toBe(401);
    const article = await t.http.get(`/api/live-blogs/${STORY}`).expect(200);
    const bodies = article.body.updates.map((update: { body: string }) => update.body);
    expect(bodies).toContain('Posted from the signed-in page.');
    expect(bodies.filter((body: string) => body.startsWith('Posted after') || body.startsWith('Posted with'))).toEqual(
      [],
    );
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });

  it('fits a 375 px phone', async () => {
    const recording = await browser.context({ viewport: PHONE });
    const page = await recording.newPage();
    await page.goto(`${t.url}/signin`);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshots(page, 'signin');
    await recording.context.close();
  });
});
