import { bearer, startedApp } from '../support/app.js';
import { addAccount, PASSWORD } from '../support/accounts.js';

describe('accounts through the admin API', () => {
  const t = startedApp();
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = bearer(t.token('admin', 'Root Admin'));
  });

  it('adds an account, refuses a taken user name, and never shows a password or its hash', async () => {
    const added = await t.http
      .post('/api/accounts')
      .set(admin)
      .send({ username: 'ann', displayName: 'Ann Editor', role: 'editor', password: PASSWORD })
      .expect(201);
    expect(added.body).toMatchObject({ username: 'ann', displayName: 'Ann Editor', role: 'editor', status: 'active' });
    const again = await t.http
      .post('/api/accounts')
      .set(admin)
      .send({ username: 'ann', displayName: 'Another Ann', role: 'auditor', password: PASSWORD })
      .expect(409);
    expect(again.body.details).toEqual({ field: 'username' });
    const list = await t.http.get('/api/accounts').set(admin).expect(200);
    expect(list.body.map((account: { username: string }) => account.username)).toEqual(['ann']);
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|correct horse/);
  });

  it('answers 400 naming the field for a bad user name, role, short password or unprintable display name, and writes nothing', async () => {
    const cases = [
      [{ username: 'Ann Editor', displayName: 'Ann', role: 'editor', password: PASSWORD }, 'username'],
      [{ username: 'bob', displayName: 'Bob', role: 'owner', password: PASSWORD }, 'role'],
      [{ username: 'bob', displayName: 'Bob', role: 'editor', password: 'short' }, 'password'],
      [{ username: 'bob', displayName: 'Bob\u0000', role: 'editor', password: PASSWORD }, 'displayName'],
      [{ username: 'bob', displayName: 'Bob \u202eredaE', role: 'editor', password: PASSWORD }, 'displayName'],
      [{ username: 'bob', displayName: '\u200b\u2060\u00ad', role: 'editor', password: PASSWORD }, 'displayName'],
      [{ username: 'bob', displayName: 'Bob\nEditor', role: 'editor', password: PASSWORD }, 'displayName'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await t.http.post('/api/accounts').set(admin).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    }
    const list = await t.http.get('/api/accounts').set(admin).expect(200);
    expect(list.body).toHaveLength(1);
  });

  it('lets only admins manage accounts', async () => {
    await t.http.get('/api/accounts').expect(401);
    await t.http
      .get('/api/accounts')
      .set(bearer(t.token('editor')))
      .expect(403);
    await t.http
      .post('/api/accounts/ann/disable')
      .set(bearer(t.token('auditor')))
      .expect(403);
  });

  it('disables, enables and resets, answering 404 for an unknown account', async () => {
    await addAccount(t, { username: 'cat', displayName: 'Cat Auditor', role: 'auditor' });
    const disabled = await t.http.post('/api/accounts/cat/disable').set(admin).expect(200);
    expect(disabled.body.status).toBe('disabled');
    const enabled = await t.http.post('/api/accounts/cat/enable').set(admin).expect(200);
    expect(enabled.body.status).toBe('active');
    await t.http.put('/api/accounts/cat/password').set(admin).send({ password: 'a brand new passphrase' }).expect(200);
    await t.http.post('/api/accounts/nobody/disable').set(admin).expect(404);
    await t.http
      .put('/api/accounts/nobody/password')
      .set(admin)
      .send({ password: 'a brand new passphrase' })
      .expect(404);
  });

  it('answers 409 to disabling the last active admin, and writes nothing', async () => {
    await addAccount(t, { username: 'root', displayName: 'Root Admin', role: 'admin' });
    const before = await t.store.readStream('accounts');
    const refused = await t.http.post('/api/accounts/root/disable').set(admin).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ kind: 'conflict', details: { field: 'username' } });
    expect(refused.body.detail).toMatch(/last active admin/);
    expect(await t.store.readStream('accounts')).toHaveLength(before.length);
    await addAccount(t, { username: 'rae', displayName: 'Rae Admin', role: 'admin' });
    await t.http.post('/api/accounts/root/disable').set(admin).expect(200);
    await t.http.post('/api/accounts/rae/disable').set(admin).expect(409);
  });

  it('stores argon2id hashes in the accounts stream, with the admin who acted, and never the password', async () => {
    const events = await t.store.readStream('accounts');
    const added = events.find((event) => event.type === 'AccountAdded' && event.data.username === 'ann')!;
    expect(String(added.data.passwordHash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(added.metadata.actor).toEqual({ id: 'root-admin', name: 'Root Admin', role: 'admin' });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain('a brand new passphrase');
  });
});
