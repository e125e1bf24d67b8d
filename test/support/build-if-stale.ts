import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Jest's global setup: the multi-node tests run the built server (`node dist/main.js`) in real
 * processes, so rebuild it when a source file is newer than the build (CI builds on `npm ci`).
 */
export default function buildIfStale(): void {
  const root = process.cwd();
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
