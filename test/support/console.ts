import type { TestApp } from './app.js';
import type { Page } from './browser.js';

/** Signs the page's console in as an editor, as an editor would: through the console's own form. */
export async function signInToConsole(page: Page, t: TestApp, name: string): Promise<void> {
  await page.getByLabel('Editor token').fill(t.token('editor', name));
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.getByText(`Editing as ${name}`).waitFor();
}

/** Opens a story's console signed in as `name`, ready to write (its live view subscribed). */
export async function openConsole(page: Page, t: TestApp, id: string, name: string): Promise<void> {
  await page.goto(`${t.url}/newsroom/${id}`);
  await signInToConsole(page, t, name);
  await page.locator('[data-presence-list] [data-editor-id]').first().waitFor();
}

/** The update on a page whose body contains `text`. */
export function updateWith(page: Page, text: string) {
  return page.locator('[data-updates] .update').filter({ hasText: text });
}
