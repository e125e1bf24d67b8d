import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Jest's global setup: the multi-node tests run the built server (`node dist/main.js`) in real
 * processes and the browser tests load the built page scripts, so rebuild what a source file is
 * newer than (CI builds on `npm ci`).
 */
export default function buildIfStale(): void {
  const root = process.cwd();
  const sources = (...folders: string[]) => Math.max(...folders.map((folder) => newestUnder(join(root, folder))));
  // The pages' scripts (public/js/, bundled from browser/ with what it shares from src/ and the follower).
  const scripts = modifiedAt(join(root, 'public/js/live-page.js'));
  if (scripts === undefined || sources('browser', 'src', 'packages/client/src') > scripts) {
    process.stdout.write('\nbuilding public/js/ (a browser source is newer than the build)\n');
    execFileSync(process.execPath, [join(root, 'tools/build-browser.mjs')], { cwd: root, stdio: 'inherit' });
  }
  // The client package, which forked test processes load as an installed package would be.
  const client = modifiedAt(join(root, 'packages/client/dist/index.js'));
  if (client === undefined || sources('src', 'packages/client/src') > client) {
    process.stdout.write('\nbuilding packages/client (a source is newer than the build)\n');
    execFileSync(process.execPath, [join(root, 'packages/client/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const built = modifiedAt(join(root, 'dist/main.js'));
  if (built !== undefined && newestUnder(join(root, 'src')) <= built) return;
  process.stdout.write('\nbuilding dist/ for the multi-node tests (a source file is newer than the build)\n');
  execFileSync(join(root, 'node_modules/.bin/nest'), ['build'], { cwd: root, stdio: 'inherit' });
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestUnder(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}
