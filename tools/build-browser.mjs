#!/usr/bin/env node
/**
 * Builds the pages' scripts: the TypeScript of browser/ (and what it shares with the server from
 * src/shared/browser.ts and the follower of packages/client) bundled by esbuild into ES modules in
 * public/js/, served at /assets/js/. Each page script is an entry; code two of them share goes to
 * one chunk, loaded once (the console loads live-page.js and console.js). Socket.IO's client is not
 * bundled: the pages load the app's own copy from /assets/vendor/socket.io/ (src/pages/pages.setup.ts).
 * public/js/ is generated (.gitignore): `npm run build`, `npm install` and `npm start` make it.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGE_SCRIPTS = [
  'live-page.ts',
  'reader-tools.ts',
  'push-sw.ts',
  'console.ts',
  'console-queue.ts',
  'console-questions.ts',
  'newsroom.ts',
  'audit/audit-page.ts',
];
const SOCKET_IO = '/assets/vendor/socket.io/socket.io.esm.min.js';

const vendorSocketIo = {
  name: 'vendor-socket.io',
  setup(build) {
    build.onResolve({ filter: /^socket\.io-client$/ }, () => ({ path: SOCKET_IO, external: true }));
  },
};

const out = join(root, 'public/js');
rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: PAGE_SCRIPTS.map((script) => join(root, 'browser', script)),
  outbase: join(root, 'browser'),
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  sourcemap: 'linked',
  plugins: [vendorSocketIo],
  logLevel: 'warning',
});
