import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAuditCommand } from '../../src/audit/audit-command.js';
import { openSqliteConnection } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'naryn-unrest';
const STREAM = `liveblog-${BLOG}`;

describe('auditors: the hash chain over a store someone tampered with', () => {
  let folder: string;
  let file: string;
  let t: TestApp;
  const integrity = async () =>
    (
      await t.http
        .get(`/api/live-blogs/${BLOG}/integrity`)
        .set(bearer(t.token('auditor')))
        .expect(200)
    ).body;
  const verify = (...args: string[]) => runAuditCommand(args, t.store);
  /** Straight into the SQLite file, as someone with access to the disk would. */
  const tamper = (sql: string) => openSqliteConnection(file).exec(sql);

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-tamper-'));
    file = join(folder, 'events.db');
    t = await startApp({ storePath: file });
    const editor = bearer(t.token('editor'));
    await givenLiveBlog(t, { id: BLOG, title: 'Unrest in Naryn' }, { headers: editor });
    for (const body of [
      'Protesters gathered.',
      'The governor left.',
      'Shots were heard.',
      'Calm returned.',
      'Shops reopened.',
      'Curfew lifted.',
    ]) {
      await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(editor).send({ kind: 'report', body }).expect(201);
    }
  });
  afterEach(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is intact on an untouched store, over HTTP and from the command line', async () => {
    expect(await integrity()).toEqual({ ok: true, checked: 7 });
    expect(await verify('verify', BLOG)).toEqual({ exitCode: 0, line: `${BLOG}: hash chain intact, 7 events checked` });
  });

  it('points at the revision whose data was altered in the file', async () => {
    tamper(`UPDATE events SET data = json_set(data, '$.body', 'altered') WHERE stream = '${STREAM}' AND revision = 3`);
    expect(await integrity()).toEqual({ ok: false, checked: 7, firstBrokenRevision: 3, problem: 'content' });
    const outcome = await verify('verify', BLOG);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.line).toMatch(/broken at revision 3\b/);
  });

  it('points at the revision whose row was deleted', async () => {
    tamper(`DELETE FROM events WHERE stream = '${STREAM}' AND revision = 5`);
    expect(await integrity()).toEqual({ ok: false, checked: 6, firstBrokenRevision: 5, problem: 'missing' });
    expect(await verify('verify', BLOG)).toMatchObject({
      exitCode: 1,
      line: expect.stringMatching(/broken at revision 5: the revision is missing/),
    });
  });

  it('answers usage errors and unknown blogs with exit code 2, verifying nothing', async () => {
    for (const args of [[], ['verify'], ['check', BLOG], ['verify', BLOG, 'extra'], ['verify', 'Not A Slug']]) {
      expect((await verify(...args)).exitCode).toBe(2);
    }
    expect(await verify('verify', 'no-such-blog')).toEqual({
      exitCode: 2,
      line: 'no live blog "no-such-blog" in this store',
    });
  });
});
