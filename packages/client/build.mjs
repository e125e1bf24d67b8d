// Builds the package: dist/index.js (ES module, socket.io-client left to the installer) with esbuild,
// and dist/index.d.ts with dts-bundle-generator, which inlines the types this package uses (the HTTP
// calls' from src/openapi.ts, generated from the server's OpenAPI document; the sockets' from the
// server's sources, src/wire.ts) so the declarations stand alone outside this repository.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

rmSync(join(here, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(here, 'dist/index.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['socket.io-client'],
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(
  process.execPath,
  [
    require.resolve('dts-bundle-generator/dist/bin/dts-bundle-generator.js'),
    '--silent',
    '--no-check',
    '--project',
    join(here, 'tsconfig.json'),
    '--out-file',
    join(here, 'dist/index.d.ts'),
    '--external-imports',
    'socket.io-client',
    '--',
    join(here, 'src/index.ts'),
  ],
  { stdio: 'inherit', cwd: here },
);
