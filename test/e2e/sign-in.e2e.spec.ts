import { AccountCommands, COMMAND_LINE_ACTOR } from '../../src/accounts/application/account-commands.js';
import { AccountDirectory } from '../../src/accounts/application/account-directory.js';
import { sessionsStream } from '../../src/accounts/application/account-stream.js';
import { FAILURES_PER_ADDRESS, FAILURES_PER_USERNAME } from '../../src/accounts/application/sign-in.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { addAccount, PASSWORD, signIn } from '../support/accounts.js';

const BLOG = 'osh-signed-in';
const open = (id: string) => ({ id, title: 'Clashes in Osh' });

describe('signing in with an account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ env: { TRUST_PROXY: '1' } });
    await addAccount(t);
  });
  afterAll(() => t.close());

  it('shows a form with labelled fields and a Sign in button', async () => {
    const page = await t.http.get('/signin').expect(200);
    expect(page.text).toMatch(/<span class="field__label">User name<\/span>\s*<input[^>]*name="username"/);
    expect(page.text).toMatch(/<span class="field__label">Password<\/span>\s*<input[^>]*type="password"/);
    expect(page.text).toContain('>Sign in</button>');
    expect(page.text).not.toContain('Sign out');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure only under https', async () => {
    const plain = await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'ann', password: PASSWORD, next: '/live/x' })
      .expect(303);
    expect(plain.headers.location).toBe('/live/x');
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(/^dateline_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=900/);
    expect(cookie).not.toMatch(/Secure/);
    const proxied = await t.http
      .post('/signin')
      .set('X-Forwarded-Proto', 'https')
      .type('form')
      .send({ username: 'ann', password: PASSWORD })
      .expect(303);
    expect(String(proxied.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('never sends a browser to another site after signing in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await t.http
        .post('/signin')
        .type('form')
        .send({ username: 'ann', password: PASSWORD, next })
        .expect(303);
      expect(response.headers.location).toBe('/newsroom');
    }
  });

  it('sends a browser to the newsroom when `next` holds what a Location header cannot carry', async () => {
    for (const next of ['/live/€', '/live/x\u0001y', '/live/\u007f']) {
      const response = await t.http
        .post('/signin')
        .type('form')
        .send({ username: 'ann', password: PASSWORD, next })
        .expect(303);
      expect(response.headers.location).toBe('/newsroom');
    }
  });

  it('refuses a wrong password or unknown user alike, keeping the user name on the form', async () => {
    const wrong = await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'ann', password: 'not the password' })
      .expect(401);
    expect(wrong.text).toContain('The user name or password is wrong.');
    expect(wrong.text).toMatch(/name="username" value="ann"/);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'nobody', password: PASSWORD })
      .expect(401);
    expect(unknown.text).toContain('The user name or password is wrong.');
    await t.http.post('/signin').type('form').send({ username: '', password: '' }).expect(400);
  });

  it('refuses a sign-in posted from another site, and takes our own page’s form post (Origin "null")', async () => {
    const form = { username: 'ann', password: PASSWORD };
    await t.http.post('/signin').set('Origin', 'https://evil.example').type('form').send(form).expect(403);
    await t.http.post('/signin').set('Sec-Fetch-Site', 'cross-site').type('form').send(form).expect(403);
    await t.http
      .post('/signin')
      .set('Sec-Fetch-Site', 'same-site')
      .set('Origin', 'null')
      .type('form')
      .send(form)
      .expect(403);
    // Chrome under helmet's no-referrer policy: our own form posts with Origin "null", but says same-origin.
    await t.http
      .post('/signin')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'null')
      .type('form')
      .send(form)
      .expect(303);
  });

  it('writes with the cookie only with the page’s CSRF token, from this site, as the account', async () => {
    const session = await signIn(t);
    const noToken = await t.http.post('/api/live-blogs').set('Cookie', session.cookie).send(open(BLOG)).expect(403);
    expect(noToken.body.details).toEqual({ field: 'X-CSRF-Token' });
    await t.http
      .post('/api/live-blogs')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', 'forged')
      .send(open(BLOG))
      .expect(403);
    const otherSite = { ...session.writeHeaders, Origin: 'https://evil.example' };
    await t.http.post('/api/live-blogs').set(otherSite).send(open(BLOG)).expect(403);
    await t.http
      .post('/api/live-blogs')
      .set({ ...session.writeHeaders, 'Sec-Fetch-Site': 'cross-site' })
      .send(open(BLOG))
      .expect(403);
    await t.http.post('/api/live-blogs').set(session.writeHeaders).send(open(BLOG)).expect(201);
    const [opened] = await t.store.readStream(`liveblog-${BLOG}`);
    expect(opened!.metadata.author).toEqual({ id: 'ann', name: 'Ann Editor', role: 'editor' });
  });

  it('ends the session on sign-out: the old cookie and the old token are refused at once', async () => {
    const session = await signIn(t);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(session.token))
      .send({ kind: 'report', body: 'Quiet.' })
      .expect(201);
    const out = await t.http
      .post('/signout')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: session.csrfToken })
      .expect(303);
    expect(out.headers.location).toBe('/signin');
    expect(String(out.headers['set-cookie'])).toMatch(/^dateline_session=;.*Expires=Thu, 01 Jan 1970/);
    const update = { kind: 'report', body: 'After sign-out.' };
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(session.writeHeaders).send(update).expect(401);
    const refused = await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(session.token))
      .send(update)
      .expect(401);
    expect(refused.body.message).toMatch(/session has ended/);
    const page = await t.http.get('/signin').set('Cookie', session.cookie).expect(200);
    expect(page.text).not.toContain('Sign out');
  });

  it('refuses a sign-out without the CSRF token, so another site cannot sign an editor out', async () => {
    const session = await signIn(t);
    await t.http.post('/signout').set('Cookie', session.cookie).type('form').send({}).expect(403);
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(session.writeHeaders)
      .send({ kind: 'report', body: 'Still in.' })
      .expect(201);
  });

  it('ends every session of an account that is disabled, or whose password is reset', async () => {
    await addAccount(t, { username: 'dan', displayName: 'Dan Editor' });
    const admin = bearer(t.token('admin'));
    const update = { kind: 'report', body: 'From Dan.' };
    const first = await signIn(t, 'dan');
    await t.http.put('/api/accounts/dan/password').set(admin).send({ password: 'another long passphrase' }).expect(200);
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(first.writeHeaders).send(update).expect(401);
    await t.http.post('/signin').type('form').send({ username: 'dan', password: PASSWORD }).expect(401);
    const second = await signIn(t, 'dan', 'another long passphrase');
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(second.writeHeaders).send(update).expect(201);
    await t.http.post('/api/accounts/dan/disable').set(admin).expect(200);
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(second.writeHeaders).send(update).expect(401);
    await t.http.post(`/api/live-blogs/${BLOG}/updates`).set(bearer(second.token)).send(update).expect(401);
    await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'dan', password: 'another long passphrase' })
      .expect(401);
  });

  it('keeps API tokens from npm run token working beside sessions', async () => {
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(bearer(t.token('editor')))
      .send({ kind: 'report', body: 'API.' })
      .expect(201);
  });

  it('refuses an auditor session on editor routes (403), and admits it on audit routes', async () => {
    await addAccount(t, { username: 'eve', displayName: 'Eve Auditor', role: 'auditor' });
    const session = await signIn(t, 'eve');
    await t.http
      .post(`/api/live-blogs/${BLOG}/updates`)
      .set(session.writeHeaders)
      .send({ kind: 'report', body: 'x' })
      .expect(403);
    await t.http.get(`/api/live-blogs/${BLOG}/integrity`).set('Cookie', session.cookie).expect(200);
  });
});

describe('failed sign-ins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
    await addAccount(t);
  });
  afterAll(() => t.close());

  it('pause a user name with 429 and Retry-After after repeated wrong passwords, even for the right one', async () => {
    for (let attempt = 0; attempt < FAILURES_PER_USERNAME; attempt++) {
      await t.http
        .post('/signin')
        .type('form')
        .send({ username: 'ann', password: `wrong guess ${attempt}` })
        .expect(401);
    }
    const throttled = await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'ann', password: PASSWORD })
      .expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(60);
    expect(throttled.text).toContain('Too many failed attempts');
    await t.http.post('/signin').type('form').send({ username: 'ANN', password: PASSWORD }).expect(429);
  });
});

describe('failed sign-ins from one address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
    await addAccount(t);
  });
  afterAll(() => t.close());

  it('pause every user name from that address once it has guessed too often', async () => {
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) {
      const form = { username: `guess-${attempt}`, password: 'not a password' };
      await t.http.post('/signin').type('form').send(form).expect(401);
    }
    const throttled = await t.http
      .post('/signin')
      .type('form')
      .send({ username: 'ann', password: PASSWORD })
      .expect(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('a sign-in that a new password overtook', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startApp();
    await addAccount(t);
  });
  afterEach(() => t.close());

  it('stores its session after the reset, yet the session never opens, on this node or a fresh one', async () => {
    // given: the old password was checked on the accounts stream as it stood before the reset
    const directory = t.app.get(AccountDirectory);
    const commands = t.app.get(AccountCommands);
    const checkedOn = directory.book.revision;
    await commands.resetPassword('ann', 'a brand new passphrase', COMMAND_LINE_ACTOR);
    // when: its session is appended only now
    const stale = { type: 'StartSession', username: 'ann', sessionId: 'stale', accountsRevision: checkedOn } as const;
    await commands.execute(stale, COMMAND_LINE_ACTOR);
    const fresh = { ...stale, sessionId: 'fresh', accountsRevision: directory.book.revision };
    await commands.execute(fresh, COMMAND_LINE_ACTOR);
    // then
    const stored = await t.store.readStream(sessionsStream('ann'));
    expect(stored.map((event) => event.data.sessionId)).toEqual(['stale', 'fresh']);
    expect(directory.session('ann', 'stale')).toBeNull();
    expect(directory.session('ann', 'fresh')).not.toBeNull();
    const rereading = new AccountDirectory(t.store);
    await rereading.catchUp();
    expect(rereading.session('ann', 'stale')).toBeNull();
    expect(rereading.session('ann', 'fresh')).not.toBeNull();
  });
});
