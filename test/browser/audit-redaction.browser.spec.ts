import { startedApp } from '../support/app.js';
import { describeInBrowser, startedBrowser } from '../support/browser.js';

const STORY = 'kyrgyzstan-2010-04-08';
const API = `/api/live-blogs/${STORY}`;

describeInBrowser('auditor page in chromium: a story with a lawful redaction', () => {
  const t = startedApp({ seed: true });
  const browser = startedBrowser();
  beforeAll(async () => {
    const editor = { Authorization: `Bearer ${t.token('editor')}` };
    const body = { updateId: 'girl-hurt', kind: 'report', body: 'A girl, Aizada Bekova, 14, was hurt.' };
    await t.http.post(`${API}/updates`).set(editor).send(body).expect(201);
    await t.http
      .post(`${API}/updates/girl-hurt/redaction`)
      .set({ Authorization: `Bearer ${t.token('admin', 'Grace Admin')}` })
      .send({ fields: ['body'], reference: 'Court order 2010/117', reason: 'Names a minor' })
      .expect(201);
  });

  it('says the chain is intact and names the redaction, and shows the reference where the text was', async () => {
    const recording = await browser.context();
    const page = await recording.newPage();
    await page.goto(`${t.url}/audit/${STORY}`);
    await page.getByLabel('Auditor token').fill(t.token('auditor', 'Ann Auditor'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const integrity = page.locator('#integrity.integrity-ok');
    await integrity.waitFor();
    expect(await integrity.textContent()).toMatch(
      /^Intact: .*Revision 40: body redacted at revision 41 by Grace Admin, reference Court order 2010\/117\.$/,
    );
    const asOf = page.locator('#as-of [data-article][data-revision="41"]');
    await asOf.waitFor();
    const shown = await asOf.textContent();
    expect(shown).toContain('[redacted: Court order 2010/117]');
    expect(shown).not.toContain('Bekova');
    expect(recording.outside).toEqual([]);
    await recording.context.close();
  });
});
