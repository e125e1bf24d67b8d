import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountDirectory } from '../../src/accounts/application/account-directory.js';
import { SessionAuthenticator } from '../../src/auth/session-authenticator.js';
import { startApp, type TestApp } from '../support/app.js';
import { PASSWORD, signIn } from '../support/accounts.js';
import { waitFor } from '../support/live.js';

/** Each run is a fresh node process (a second or more on a busy machine): these tests get more time. */
const CLI_TIMEOUT_MS = 90_000;

/** `npm run user` as an admin runs it (the built dist/cli/user.js), against the store a running server uses. */
describe('npm run user', () => {
  jest.setTimeout(CLI_TIMEOUT_MS);

  let folder: string;
  let t: TestApp;
  const user = (args: string[], input = '') => {
    const env = {
      PATH: process.env.PATH,
      DATA_DIR: join(folder, 'cli'),
      EVENT_STORE: `sqlite:${join(folder, 'events.db')}`,
    };
    const run = spawnSync(process.execPath, ['dist/cli/user.js', ...args], { input, env, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const add = ['add', '--username', 'ann', '--name', 'Ann Editor', '--role', 'editor'];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-user-'));
    t = await startApp({ storePath: join(folder, 'events.db') });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds an account with the password piped on standard input, and the running server signs it in', async () => {
    const added = user(add, `${PASSWORD}\n`);
    expect(added).toMatchObject({ status: 0, stdout: 'added ann (Ann Editor, editor, active)\n' });
    await waitFor(() => t.app.get(AccountDirectory).account('ann') !== undefined, 15_000, 'the server to see ann');
    await signIn(t, 'ann', PASSWORD);
  });

  it('refuses a taken user name, a bad role, a short password and a missing flag, with a non-zero exit', () => {
    expect(user(add, PASSWORD)).toMatchObject({ status: 1, stderr: 'user: the user name "ann" is taken\n' });
    const role = user(['add', '--username', 'bo', '--name', 'Bo', '--role', 'owner'], PASSWORD);
    expect(role).toMatchObject({
      status: 1,
      stderr: 'user: the role must be one of editor, contributor, auditor, admin\n',
    });
    const short = user(['add', '--username', 'bo', '--name', 'Bo', '--role', 'editor'], 'short');
    expect(short).toMatchObject({ status: 1, stderr: 'user: the password must be 10 to 200 characters\n' });
    const missing = user(['add', '--username', 'bo', '--role', 'editor'], PASSWORD);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^user: add needs --name "Display Name"\nusage: npm run user/);
    expect(user(['promote', 'ann']).status).toBe(2);
    expect(user(['disable', 'nobody'])).toMatchObject({ status: 1, stderr: 'user: there is no account "nobody"\n' });
    expect(JSON.parse(user(['list', '--json']).stdout).map((a: { username: string }) => a.username)).toEqual(['ann']);
  });

  it('lists accounts without their hashes', () => {
    const listed = user(['list']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^ann {2}Ann Editor {2}editor {2}active {2}\d{4}-\d\d-\d\dT/);
    expect(listed.stdout).not.toContain('argon2');
  });

  it('resets a password and disables an account, ending the sessions the running server holds', async () => {
    const before = await signIn(t, 'ann', PASSWORD);
    expect(user(['reset', 'ann'], 'a whole new passphrase\n')).toMatchObject({ status: 0 });
    // The server learns of it from the store feed, as any other node would.
    const ended = (token: string) => t.app.get(SessionAuthenticator).fromToken(token) === null;
    await waitFor(() => ended(before.token), 15_000, 'the reset to end the session');
    await t.http.post('/api/live-blogs').set(before.writeHeaders).send({ title: 'Osh' }).expect(401);
    await t.http.post('/signin').type('form').send({ username: 'ann', password: PASSWORD }).expect(401);
    const after = await signIn(t, 'ann', 'a whole new passphrase');
    expect(user(['disable', 'ann'])).toMatchObject({
      status: 0,
      stdout: 'disabled ann (Ann Editor, editor, disabled) (its sessions are ended)\n',
    });
    await waitFor(() => ended(after.token), 15_000, 'the disable to end the session');
    await t.http.post('/api/live-blogs').set(after.writeHeaders).send({ title: 'Osh' }).expect(401);
    expect(user(['enable', 'ann'])).toMatchObject({ status: 0, stdout: 'enabled ann (Ann Editor, editor, active)\n' });
  });
});
