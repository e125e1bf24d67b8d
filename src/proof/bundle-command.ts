import { readFileSync } from 'node:fs';
import { verifyBundle } from './bundle-verifier.js';
import { keyringOf, UnusableKey, type Keyring } from '../signing/pure.js';

const BUNDLE_USAGE = 'usage: npm run audit -- verify-bundle <bundle.json> [--keys <dateline-keys.json>]';

export interface CommandOutcome {
  /**
   * 0: verified; 1: the bundle fails, and the last line says where; 2: nothing was verified (usage,
   * unreadable file); 3 (verify-bundle without `--keys`): consistent, but its key was not checked
   * against a trusted key set, so it proves nothing about who made it.
   */
  readonly exitCode: 0 | 1 | 2 | 3;
  readonly lines: readonly string[];
}

/**
 * `npm run audit -- verify-bundle`: the file alone, with no server and no store (this module and
 * its imports open none). `--keys` pins the key to a key set saved from /.well-known/dateline-keys.json.
 */
export async function runBundleCommand(args: readonly string[]): Promise<CommandOutcome> {
  const [command, file, ...rest] = args;
  if (command !== 'verify-bundle' || file === undefined || file.startsWith('--')) return usage();
  const options = optionsOf(rest, ['--keys']);
  if (!options) return usage();
  const keysFile = options.get('--keys');
  let pinned: Keyring | undefined;
  let bytes: Buffer;
  try {
    if (keysFile !== undefined) pinned = keyringOf(JSON.parse(readFileSync(keysFile, 'utf8')));
    bytes = readFileSync(file);
  } catch (error) {
    const reason = error instanceof UnusableKey || error instanceof SyntaxError ? `${keysFile}: ` : '';
    return { exitCode: 2, lines: [`${reason}${(error as Error).message}`] };
  }
  const report = await verifyBundle(bytes, pinned);
  return { exitCode: EXIT_CODES[report.verdict], lines: report.lines };
}

/** `--name value` pairs, each of the allowed names at most once; null for anything else. */
export function optionsOf(rest: readonly string[], allowed: readonly string[]): Map<string, string> | null {
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const [name, value] = [rest[i]!, rest[i + 1]];
    if (!allowed.includes(name) || options.has(name) || value === undefined || value.startsWith('--')) return null;
    options.set(name, value);
  }
  return options;
}

const EXIT_CODES = { verified: 0, failed: 1, unverified_origin: 3 } as const;

function usage(): CommandOutcome {
  return { exitCode: 2, lines: [BUNDLE_USAGE] };
}
