import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { CHECKPOINT_KEY_FILE, resolveCheckpointKeys, rotateCheckpointKey } from '../../src/signing/checkpoint-keys.js';
import { signCheckpoint, checkSignature } from '../../src/signing/checkpoint.js';

const SRC = resolve('src');
/** The doors of folders whose pure parts tools load without a server (tools/check-layers.mjs). */
const PURE_DOORS = ['kernel/index.ts', 'live-blog/pure.ts', 'audit/pure.ts', 'signing/pure.ts', 'proof/pure.ts'].map(
  (door) => `src/${door}`,
);

/** Every module a file loads at import time (static imports, type-only ones left out), followed through src/. */
function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, kind, specifier] of source.matchAll(/^(import|export)(?!\s+type\b)[^'";]*?from\s+'([^']+)'/gm)) {
      void kind;
      if (!specifier!.startsWith('.')) packages.add(specifier!);
      else {
        // A TypeScript source, or a script the browser shares as it is (public/js/*.js).
        const script = resolve(dirname(file), specifier!);
        const source = script.replace(/\.js$/, '.ts');
        visit(existsSync(source) ? source : script);
      }
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('verify-bundle runs with no store', () => {
  it('loads nothing that opens a store: no adapter, no driver, from the command line down', () => {
    for (const entry of ['src/cli/audit.ts', 'src/proof/bundle-command.ts', ...PURE_DOORS]) {
      const { files, packages } = staticImports(entry);
      const loaded = [...files].map((file) => relative(SRC, file));
      expect(loaded.filter((file) => file.startsWith('event-store/') && file !== 'event-store/event-store.ts')).toEqual(
        [],
      );
      expect([...packages].filter((name) => /sqlite|^pg$|kurrent|@nestjs/.test(name))).toEqual([]);
      expect(files.size).toBeGreaterThan(1);
      for (const file of files) expect(statSync(file).isFile()).toBe(true);
    }
  });
});

describe('the checkpoint key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dateline-keys-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is made under the data folder on first start, owner-only, and the same key afterwards', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = resolveCheckpointKeys(config);
    expect(statSync(join(dataDir, CHECKPOINT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveCheckpointKeys(config).signing.keyId).toBe(first.signing.keyId);
  });

  it('rotates: the new key signs, the old one stays published and what it signed still verifies', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const before = resolveCheckpointKeys(config);
    const head = {
      storeEpoch: 'e',
      liveBlogId: 'osh-curfew',
      revision: 3,
      hash: 'a'.repeat(64),
      at: '2026-01-01T00:00:00Z',
    };
    const old = signCheckpoint(head, before.signing);
    const { retired, current } = rotateCheckpointKey(config);
    const after = resolveCheckpointKeys(config);
    expect(retired).toBe(before.signing.keyId);
    expect(after.signing.keyId).toBe(current);
    expect(after.published.keys.map((key) => [key.kid, key.status])).toEqual([
      [current, 'current'],
      [retired, 'retired'],
    ]);
    expect(checkSignature(old, after.keyring)).toBe('valid');
  });

  it('comes from CHECKPOINT_KEY when set, and a bad one stops the start with the setting named', () => {
    const made = resolveCheckpointKeys(loadConfig({ DATA_DIR: dataDir }));
    const fromSetting = resolveCheckpointKeys(
      loadConfig({
        DATA_DIR: join(dataDir, 'other'),
        CHECKPOINT_KEY: readFileSync(join(dataDir, CHECKPOINT_KEY_FILE), 'utf8'),
      }),
    );
    expect(fromSetting.signing.keyId).toBe(made.signing.keyId);
    expect(() => loadConfig({ CHECKPOINT_KEY: 'not a key' })).toThrow(/CHECKPOINT_KEY/);
    const broken = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
    expect(() => resolveCheckpointKeys(loadConfig({ CHECKPOINT_KEY: broken }))).toThrow(ConfigError);
    expect(() =>
      rotateCheckpointKey(
        loadConfig({ DATA_DIR: dataDir, CHECKPOINT_KEY: readFileSync(join(dataDir, CHECKPOINT_KEY_FILE), 'utf8') }),
      ),
    ).toThrow(/CHECKPOINT_KEY/);
    expect(() => loadConfig({ CHECKPOINT_INTERVAL_S: 'often' })).toThrow(/CHECKPOINT_INTERVAL_S/);
  });
});
