import {
  AccountCommands,
  COMMAND_LINE_ACTOR,
  type AccountSummary,
} from '../../src/accounts/application/account-commands.js';
import { SESSION_COOKIE } from '../../src/auth/session-cookie.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'editor' | 'contributor' | 'auditor' | 'admin';
  readonly password: string;
}

/** An account as `npm run user -- add` makes it (same code path, straight into the app's store). */
export async function addAccount(
  t: TestApp,
  overrides: Partial<TestAccount> = {},
): Promise<TestAccount & AccountSummary> {
  const account: TestAccount = {
    username: 'ann',
    displayName: 'Ann Editor',
    role: 'editor',
    password: PASSWORD,
    ...overrides,
  };
  const summary = await t.app.get(AccountCommands).add(account, COMMAND_LINE_ACTOR);
  return { ...account, ...summary };
}

export interface SignedInSession {
  /** `dateline_session=<token>`, for a supertest `.set('Cookie', …)`. */
  readonly cookie: string;
  /** The session token itself: what the cookie holds (also accepted as a bearer token while the session lasts). */
  readonly token: string;
  /** The page's CSRF token (the layout's <meta name="csrf-token">), for the X-CSRF-Token header of writes. */
  readonly csrfToken: string;
  /** Headers for a cookie-authenticated write from the app's own page. */
  readonly writeHeaders: Record<string, string>;
}

/** Signs in through the form, as a browser does, and reads the CSRF token from the page the session sees. */
export async function signIn(t: TestApp, username = 'ann', password = PASSWORD): Promise<SignedInSession> {
  const response = await t.http.post('/signin').type('form').send({ username, password }).expect(303);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const token = setCookie.map((line) => new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(line)?.[1]).find(Boolean);
  if (!token) throw new Error(`sign-in set no session cookie: ${setCookie.join(' | ')}`);
  const cookie = `${SESSION_COOKIE}=${token}`;
  const page = await t.http.get('/signin').set('Cookie', cookie).expect(200);
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(page.text)?.[1];
  if (!csrfToken) throw new Error('the signed-in page carries no csrf-token meta');
  return { cookie, token, csrfToken, writeHeaders: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}
