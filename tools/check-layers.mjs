#!/usr/bin/env node
/**
 * The folders of src/ import downward only, each through the other's front door: index.ts, or pure.ts
 * where a folder offers the parts that load no Nest, no store adapter and no driver.
 * Prints every import that breaks the order below, reaches past a front door or comes from a folder
 * the order does not name, and exits 1 if there is one. Run by `npm run lint` and the unit tier.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Low to high: a folder may import the folders before it, never those after it. docs/design.md §0. */
export const LAYERS = [
  'kernel',
  'config',
  'shared',
  'event-store',
  'cluster',
  'limits',
  'accounts',
  'auth',
  'signing',
  'live-blog',
  'scheduling',
  'audit',
  'proof',
  'syndication',
  'ops',
  'pages',
  'newsroom',
  'webhooks',
  'questions',
  'push',
  'cli',
];

/** Files directly in src/ (main.ts, the app module and factory) put everything together: they sit on top. */
const TOP = LAYERS.length;

const DOORS = ['index', 'pure'];

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function layerProblems(srcFolder) {
  const src = resolve(srcFolder);
  const problems = [];
  const folderOf = (file) => {
    const parts = relative(src, file).split(sep);
    return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
  };
  const rankOf = (folder) => (folder === null ? TOP : LAYERS.indexOf(folder));
  for (const file of tsFiles(src)) {
    const from = folderOf(file);
    if (from !== null && !LAYERS.includes(from)) {
      problems.push(`${relative(src, file)}: folder "${from}" is not in the layer order (tools/check-layers.mjs)`);
      continue;
    }
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      const target = resolve(dirname(file), specifier);
      if (relative(src, target).startsWith('..')) continue;
      const to = folderOf(`${target}.ts`);
      if (to === from || to === null) continue;
      const where = `${relative(src, file)} imports ${specifier}`;
      if (!LAYERS.includes(to)) problems.push(`${where}: "${to}" is not in the layer order`);
      else if (rankOf(to) >= rankOf(from))
        problems.push(`${where}: ${from ?? 'src'} may not import ${to}, a layer above it`);
      else if (!DOORS.map((door) => join(src, to, door)).includes(target.replace(/\.(js|ts)$/, ''))) {
        problems.push(`${where}: import ${to} through its front door, ${to}/index.js (or ${to}/pure.js)`);
      }
    }
  }
  return problems;
}

function* tsFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = layerProblems(join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`src/ imports downward only, through front doors (${LAYERS.length} layers)`);
}
