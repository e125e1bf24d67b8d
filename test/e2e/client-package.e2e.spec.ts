import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startApp, type TestApp } from '../support/app.js';
import { givenLiveBlog } from '../support/live-blogs.js';

/**
 * @dateline/client as another project gets it: packed with `npm pack`, installed from the tarball
 * into an empty folder, a strict TypeScript program compiled against the declarations it ships,
 * and that program run by plain `node` (importing the package by name) against a started app.
 */

const run = promisify(execFile);
const root = process.cwd();
const STORY = 'tarball-story';

/**
 * The program a newsroom's developer would write: read the article, follow the story from it, post
 * on its revision with an Idempotency-Key (and retry with the same key), be refused on the revision
 * it no longer is, and be pushed what it wrote. Each step prints one JSON line.
 */
const PROGRAM = `
import { createClient, DatelineError, type PublicEvent } from '@dateline/client';

const [baseUrl = '', token, story = ''] = process.argv.slice(2);
const print = (step: string, values: object) => console.log(JSON.stringify({ step, ...values }));
setTimeout(() => {
  print('gave up', {});
  process.exit(1);
}, 20_000).unref();

const dateline = createClient({ baseUrl, token });
const article = await dateline.getArticle(story);
const revision: number = article.revision;
const title: string = article.title;
print('article', { revision, title });

let arrived: (event: PublicEvent) => void = () => {};
const pushed = new Promise<PublicEvent>((resolve) => {
  arrived = resolve;
});
let subscribed: () => void = () => {};
const live = new Promise<void>((resolve) => {
  subscribed = resolve;
});
// From the article's revision in the store it was read from: events after it, none redrawn.
const following = dateline.follow(story, {
  afterRevision: revision,
  epoch: article.checkpoint?.storeEpoch,
  onAck: () => subscribed(),
  onEvent: (event) => arrived(event),
  onRedraw: (redrawn) => print('redrawn', { revision: redrawn.revision }),
});
await live;

const update = { kind: 'report', body: 'Posted by a program that installed the client from its tarball.' } as const;
const written = await dateline.postUpdate(story, update, { ifMatch: revision, idempotencyKey: 'tarball-1' });
print('written', { revision: written.revision });
const retried = await dateline.postUpdate(story, update, { ifMatch: revision, idempotencyKey: 'tarball-1' });
print('retried', { revision: retried.revision });
try {
  await dateline.postUpdate(story, { kind: 'report', body: 'On a revision long gone' }, { ifMatch: revision });
  print('stale write taken', {});
} catch (error) {
  if (!(error instanceof DatelineError)) throw error;
  const kind: string | undefined = error.problem.kind;
  const detail: string = error.problem.detail;
  print('refused', { status: error.status, kind, detail, currentRevision: error.currentRevision });
}

const event = await pushed;
print('pushed', { revision: event.revision, type: event.type, body: event.data.body });
following.close();
`;

let t: TestApp;
let folder: string;
let project: string;

beforeAll(async () => {
  t = await startApp();
  await givenLiveBlog(t, { id: STORY, title: 'Osh' });
  folder = mkdtempSync(join(tmpdir(), 'dateline-client-package-'));
  project = join(folder, 'app');
  mkdirSync(project);
  // packages/client/dist is built by the tests' global setup (test/support/build-if-stale.ts) when
  // a source is newer; packing without the prepare script leaves it in place for the other tests
  // that load it meanwhile.
  await run('npm', ['pack', '--ignore-scripts', '--workspace', 'packages/client', '--pack-destination', folder], {
    cwd: root,
  });
  const [tarball] = readdirSync(folder).filter((name) => name.endsWith('.tgz'));
  const dependencies = { '@dateline/client': `file:../${tarball}` };
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'a-newsroom-app', private: true, type: 'module', dependencies }),
  );
  // Installed without the network (tests reach 127.0.0.1 only): the package's dependencies are locked
  // to the versions this repository's lock holds, whose tarballs `npm ci` left in npm's cache.
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lockFor(dependencies)));
  // A registry nobody answers at: had npm wanted the network, the install would fail.
  const noRegistry = { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' };
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project, env: noRegistry });
  writeFileSync(join(project, 'follow-a-story.ts'), PROGRAM);
}, 180_000);

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly [member: string]: unknown;
}

/**
 * A lockfile for the app: the client from its tarball, and every package it needs as this
 * repository's package-lock.json resolves it (found as Node would: nested first, then upward).
 */
function lockFor(dependencies: Record<string, string>): object {
  const repositoryLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const client = JSON.parse(readFileSync(join(root, 'packages/client/package.json'), 'utf8')) as LockEntry;
  const packages: Record<string, LockEntry> = {
    '': { name: 'a-newsroom-app', dependencies },
    'node_modules/@dateline/client': {
      version: client.version,
      resolved: dependencies['@dateline/client'],
      dependencies: client.dependencies,
    },
  };
  const wanted = Object.keys(client.dependencies ?? {}).map((name) => ({ name, from: '' }));
  for (let next = wanted.pop(); next; next = wanted.pop()) {
    const path = resolvedPath(repositoryLock.packages, next.from, next.name);
    if (packages[path]) continue;
    // Without the repository's dev flags: here they are the app's own dependencies.
    const { dev: _dev, devOptional: _devOptional, ...entry } = repositoryLock.packages[path]!;
    packages[path] = { ...entry, resolved: tarballUrl(next.name, entry.version!) };
    for (const name of Object.keys(entry.dependencies ?? {})) wanted.push({ name, from: path });
  }
  return { name: 'a-newsroom-app', lockfileVersion: 3, requires: true, packages };
}

/**
 * Where the registry keeps a package's tarball. The repository's lock leaves it out (npm finds it
 * from the registry's document, which is not cached), and npm takes the tarball from its cache by
 * the lock's integrity.
 */
function tarballUrl(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

function resolvedPath(packages: Record<string, LockEntry>, from: string, name: string): string {
  for (let at = from; ; at = dirname(dirname(at))) {
    const path = at && at !== '.' ? `${at}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[path]) return path;
    if (!at || at === '.') throw new Error(`${name} (needed by ${from || 'the client'}) is not in package-lock.json`);
  }
}

afterAll(async () => {
  await t?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the client package, installed from its tarball', () => {
  it('brings its one dependency and no server code', () => {
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).toEqual(expect.arrayContaining(['@dateline', 'socket.io-client']));
    expect(installed).not.toEqual(expect.arrayContaining(['@nestjs', 'better-sqlite3', 'typescript']));
    expect(readdirSync(join(project, 'node_modules/@dateline/client')).sort()).toEqual([
      'README.md',
      'dist',
      'package.json',
    ]);
  });

  it('compiles a strict program against its declarations, and refuses one that misreads a type', () => {
    expect(typeErrors(PROGRAM)).toEqual([]);
    const wrong = PROGRAM.replace('const title: string = article.title;', 'const title: number = article.title;');
    expect(typeErrors(wrong)).toEqual([expect.stringContaining("'string' is not assignable to type 'number'")]);
  }, 60_000);

  it('reads, writes on a revision once per Idempotency-Key, gets a typed 412, and is pushed what it wrote', async () => {
    const { outputText } = ts.transpileModule(PROGRAM, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(project, 'follow-a-story.js'), outputText);
    const { stdout, stderr } = await run(process.execPath, ['follow-a-story.js', t.url, t.token('editor'), STORY], {
      cwd: project,
      timeout: 30_000,
    }).catch((failure: { stdout: string; stderr: string }) => failure);
    expect(stderr).toBe('');
    const steps = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { step: string; [value: string]: unknown });
    const { revision } = steps[0]!;
    expect(steps).toEqual([
      { step: 'article', revision: expect.any(Number), title: 'Osh' },
      { step: 'written', revision: (revision as number) + 1 },
      { step: 'retried', revision: (revision as number) + 1 },
      {
        step: 'refused',
        status: 412,
        kind: 'stale',
        detail: expect.any(String),
        currentRevision: (revision as number) + 1,
      },
      {
        step: 'pushed',
        revision: (revision as number) + 1,
        type: 'UpdatePosted',
        body: 'Posted by a program that installed the client from its tarball.',
      },
    ]);
  }, 60_000);
});

/** What `tsc --strict` says of the program, resolving @dateline/client from the project's node_modules. */
function typeErrors(source: string): string[] {
  const file = join(project, 'check.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    // The program runs in Node (process.argv): the repository's @types/node stands in for the app's own.
    typeRoots: [join(root, 'node_modules/@types')],
    types: ['node'],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
