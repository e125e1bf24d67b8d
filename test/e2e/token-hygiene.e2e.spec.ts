import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { bearer, startApp, TEST_SECRET, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'token-rules';
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

/** Claims as `npm run token` signs them; each case below breaks one rule. */
const good = () => ({
  sub: 'rayhan',
  name: 'Rayhan Demytrie',
  role: 'editor',
  iss: 'dateline',
  aud: 'dateline-api',
  iat: now(),
  exp: now() + HOUR,
});
const without = (claim: string) => {
  const claims: Record<string, unknown> = good();
  delete claims[claim];
  return claims;
};
/** The library adds `iat` unless told not to: a case without one must say so. */
const signed = (claims: object, secret = TEST_SECRET) =>
  new JwtService({ secret }).sign(claims, { noTimestamp: !('iat' in claims) });

/**
 * Bearer tokens (DESIGN §6): each refused token answers 401 in the one error shape, and the write
 * it carried leaves nothing in the store (the name never reaches an event).
 */
describe('bearer token rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
    await givenLiveBlog(t, { id: BLOG, title: 'Tokens' });
  });
  afterAll(() => t.close());

  const post = (token: string) =>
    t.http.post(`/api/live-blogs/${BLOG}/updates`).set(bearer(token)).send({ kind: 'report', body: 'Token test.' });

  it('takes a token signed as npm run token signs it', async () => {
    await post(signed(good())).expect(201);
  });

  it.each([
    ['with no exp', without('exp'), /no exp/],
    ['living 100 years', { ...good(), exp: now() + 100 * 365 * 24 * HOUR }, /longer than 24 h/],
    ['living 25 h (over TOKEN_MAX_HOURS 24)', { ...good(), exp: now() + 25 * HOUR }, /longer than 24 h/],
    ['issued 10 minutes in the future', { ...good(), iat: now() + 600, exp: now() + 2 * HOUR }, /in the future/],
    ['with no iat', without('iat'), /iat required/],
    ['for another audience', { ...good(), aud: 'another-api' }, /audience invalid/],
    ['with no audience', without('aud'), /audience invalid/],
    ['from another issuer', { ...good(), iss: 'someone-else' }, /issuer invalid/],
    ['with no issuer', without('iss'), /issuer invalid/],
    ['with a 4,000-character name', { ...good(), name: 'N'.repeat(4000) }, /name must be at most 100/],
    ['with a 4,000-character sub', { ...good(), sub: 's'.repeat(4000) }, /sub must be at most 100/],
    ['with a name of control characters', { ...good(), name: 'Ray\u0000han' }, /name must not hold/],
    ['with an unknown role', { ...good(), role: 'owner' }, /role must be one of/],
    ['that expired', { ...good(), iat: now() - 2 * HOUR, exp: now() - HOUR }, /expired/],
  ])('refuses a token %s with 401', async (_, claims, reason) => {
    const before = await t.store.readStream(`liveblog-${BLOG}`);
    const response = await post(signed(claims)).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(response.body.message).toMatch(reason);
    expect(await t.store.readStream(`liveblog-${BLOG}`)).toHaveLength(before.length);
  });

  it('refuses a token with a bad signature, and one signed with alg none', async () => {
    await post(signed(good(), 'another-secret-that-is-long-enough-for-hs256')).expect(401);
    const unsigned = new JwtService({}).sign(good(), { algorithm: 'none' } as never);
    await post(unsigned).expect(401);
  });

  it('takes a token issued a few seconds ahead of this clock (clock skew)', async () => {
    await post(signed({ ...good(), iat: now() + 20, exp: now() + HOUR })).expect(201);
  });
});

describe('AUTH_ISSUER, AUTH_AUDIENCE and TOKEN_MAX_HOURS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'newsroom', TOKEN_MAX_HOURS: '2' } });
  });
  afterAll(() => t.close());

  it('checks the configured issuer, audience and longest life', async () => {
    const claims = { ...good(), iss: 'https://id.example', aud: 'newsroom', exp: now() + HOUR };
    const create = (token: string) =>
      t.http
        .post('/api/live-blogs')
        .set(bearer(token))
        .send({ id: `t${Math.random()}`.replace('.', ''), title: 'x' });
    await create(signed(claims)).expect(201);
    await create(signed({ ...claims, exp: now() + 3 * HOUR })).expect(401);
    await create(signed(good())).expect(401);
  });
});

/** `npm run token` (the built dist/cli/token.js): what it prints, the server takes; what the server refuses, it will not print. */
describe('npm run token', () => {
  jest.setTimeout(60_000);
  let folder: string;
  let t: TestApp;
  const token = (args: string[]) => {
    const env = { PATH: process.env.PATH, DATA_DIR: folder, AUTH_SECRET: TEST_SECRET };
    return spawnSync(process.execPath, ['dist/cli/token.js', '--role', 'editor', '--name', 'Ann', ...args], {
      env,
      encoding: 'utf8',
    });
  };
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-token-'));
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('signs iss, aud, iat and exp, and the server takes the token', async () => {
    const run = token([]);
    expect(run.status).toBe(0);
    const printed = run.stdout.trim();
    const claims = new JwtService({}).decode(printed);
    expect(claims).toMatchObject({ iss: 'dateline', aud: 'dateline-api', role: 'editor', name: 'Ann' });
    expect(claims.exp - claims.iat).toBe(12 * HOUR);
    await t.http.post('/api/live-blogs').set(bearer(printed)).send({ id: 'from-cli', title: 'CLI' }).expect(201);
  });

  it.each([
    [
      'a bidirectional override',
      ['--name', 'Ann \u202erotidE'],
      /--name must not hold a bidirectional override \(U\+202E\)/,
    ],
    ['a control character', ['--name', 'Ann\u0007'], /--name must not hold a control character/],
    ['an invisible name', ['--name', '\u200b\u2060'], /--name must not be empty/],
    ['an unprintable sub', ['--sub', 'ann\u202e'], /--sub must not hold a bidirectional override/],
  ])('refuses to sign a name or sub holding %s, as the server would refuse it', (_, args, message) => {
    const run = token(args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('refuses to sign a token longer-lived than the server takes', () => {
    const run = token(['--expires', '100d']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/at most 24h/);
  });
});
