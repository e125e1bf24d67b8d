import { addAccount, PASSWORD } from './accounts.js';
import type { TestApp } from './app.js';
import type { Page } from './browser.js';

/** The editors the console tests sign in as (user name → display name). */
export const EDITORS = { ann: 'Ann Editor', ben: 'Ben Editor' } as const;

/** Adds the console tests' editor accounts, as `npm run user -- add` does. */
export async function addEditors(t: TestApp, editors: Record<string, string> = EDITORS): Promise<void> {
  for (const [username, displayName] of Object.entries(editors))
    await addAccount(t, { username, displayName, role: 'editor' });
}

/** Signs in through the sign-in form, as an editor would, and lands on `next`. */
export async function signInThroughForm(page: Page, t: TestApp, username: string, next: string): Promise<void> {
  await page.goto(`${t.url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${next}`);
}

/** Opens a story's console signed in as `username`, ready to write (its presence joined). */
export async function openConsole(page: Page, t: TestApp, id: string, username: string): Promise<void> {
  await signInThroughForm(page, t, username, `/newsroom/${id}`);
  await page.locator('[data-presence-list] [data-editor-id]').first().waitFor();
}

/** The update on a page whose body contains `text`. */
export function updateWith(page: Page, text: string) {
  return page.locator('[data-updates] .update').filter({ hasText: text });
}
