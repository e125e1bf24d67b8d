import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandler } from '../../src/live-blog/application/command-handler.js';
import { bearer, startApp, type TestApp } from '../support/app.js';

const BLOG = 'printable-audit';
const ESC = '\u001b';
/** A display name that clears the screen and homes the cursor when printed raw, then claims a line of its own. */
const HOSTILE_NAME = `Mallory ${ESC}[2J${ESC}[H\u202eevil\u2028verified`;

describe('npm run audit -- verify prints stored text escaped', () => {
  let folder: string;
  let t: TestApp;
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows a redactor whose stored name holds terminal escapes as \\u{…}, with no raw ESC byte', async () => {
    // Given a story whose stored history holds a redaction by an author named with terminal escapes
    // (a history written before names were checked, or by an outside token issuer's name)
    folder = mkdtempSync(join(tmpdir(), 'dateline-audit-cli-'));
    const file = join(folder, 'events.db');
    t = await startApp({ storePath: file });
    const editor = bearer(t.token('editor'));
    await t.http.post('/api/live-blogs').set(editor).send({ id: BLOG, title: 'Printable' }).expect(201);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(editor)
      .send({ updateId: 'u1', kind: 'report', body: 'A name to remove.' })
      .expect(201);
    const author = { id: 'mallory', name: HOSTILE_NAME, role: 'admin' as const };
    await t.app.get(CommandHandler).execute(
      BLOG,
      { type: 'RedactUpdate', updateId: 'u1', fields: ['body'], reference: 'Order 1', reason: 'Law' },
      {
        author,
      },
    );

    // When an operator runs the command line on the store
    const run = spawnSync('node', ['dist/cli/audit.js', 'verify', BLOG], {
      env: { ...process.env, EVENT_STORE: `sqlite:${file}`, DATA_DIR: folder, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    const out = `${run.stdout}${run.stderr}`;
    console.log(`audit verify with a hostile redactor name: ${JSON.stringify(out.trim())}`);

    // Then it verifies, names the redactor with every control shown escaped, and holds no raw control
    expect(run.status).toBe(0);
    expect(out).toContain('by Mallory \\u{001b}[2J\\u{001b}[H\\u{202e}evil\\u{2028}verified (mallory)');
    expect(out).not.toContain(ESC);
    expect(out).not.toMatch(/[\u202e\u2028]/);
  });
});
