// The client's types, generated from the server's OpenAPI document by openapi-typescript into
// src/openapi.ts, which is committed: the package builds without a server, and a test
// (test/e2e/openapi.e2e.spec.ts) fails when the file differs from what this makes of the document
// the server serves now.
//
//   npm run client:types            builds the server, writes its document, regenerates src/openapi.ts
//   node tools/openapi-types.mjs F  regenerates src/openapi.ts from the OpenAPI document in file F
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

/** Where the generated types live in the package. */
export const TYPES_FILE = resolve(here, '../src/openapi.ts');

const HEADER = [
  "// Generated from the Dateline server's OpenAPI document (/docs-json) by openapi-typescript:",
  "// do not edit. `npm run client:types` makes it again after the server's API changed.",
  '',
  '',
].join('\n');

/** The text of src/openapi.ts for an OpenAPI document (an object, as /docs-json answers it). */
export async function typesOf(document) {
  return HEADER + astToString(await openapiTS(document));
}

/** The document the built server describes itself with (npm run api:documents), without a server running. */
function documentOfBuiltServer() {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-client-types-'));
  try {
    execFileSync(process.execPath, [join(root, 'dist/write-api-documents.js'), folder], { stdio: 'ignore' });
    return JSON.parse(readFileSync(join(folder, 'openapi.json'), 'utf8'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const from = process.argv[2];
  const document = from ? JSON.parse(readFileSync(resolve(from), 'utf8')) : documentOfBuiltServer();
  writeFileSync(TYPES_FILE, await typesOf(document));
  process.stdout.write(`wrote ${TYPES_FILE}\n`);
}
