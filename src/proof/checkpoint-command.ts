import { readFileSync } from 'node:fs';
import type { EventStore } from '../event-store/index.js';
import { LIVE_BLOG_ID_PATTERN, streamOf } from '../live-blog/index.js';
import { optionsOf, type CommandOutcome } from './bundle-command.js';
import { storedCheckpoints } from './checkpoint-archive.js';
import {
  MalformedCheckpoint,
  parseCheckpoint,
  type SignedCheckpoint,
  keyringOf,
  UnusableKey,
  type KeySet,
  type Keyring,
} from '../signing/index.js';
import { verifyExtension } from './extension.js';
import { printable } from '../kernel/index.js';
import { streamPages } from './stream-pages.js';

const CHECKPOINT_USAGE =
  'usage: npm run audit -- verify <live-blog-id> --checkpoint <checkpoint.json> [--keys <dateline-keys.json>]';

/**
 * `npm run audit -- verify <id> --checkpoint <file>`: does the store's history extend the saved
 * checkpoint? The keys are the server's own (`serverKeys`) unless `--keys` names a saved key set.
 */
export async function runCheckpointCommand(
  args: readonly string[],
  store: EventStore,
  serverKeys: KeySet,
): Promise<CommandOutcome> {
  const [command, id, ...rest] = args;
  const options = optionsOf(rest, ['--checkpoint', '--keys']);
  if (command !== 'verify' || id === undefined || !options?.has('--checkpoint')) return usage();
  if (!LIVE_BLOG_ID_PATTERN.test(id)) return { exitCode: 2, lines: [`"${id}" is not a live blog id`] };
  let checkpoint: SignedCheckpoint;
  let keys: Keyring;
  try {
    checkpoint = parseCheckpoint(readJson(options.get('--checkpoint')!));
    const keysFile = options.get('--keys');
    keys = keyringOf(keysFile === undefined ? serverKeys : readJson(keysFile));
  } catch (error) {
    if (error instanceof MalformedCheckpoint) return refused(`the checkpoint file: ${error.message}`);
    if (error instanceof UnusableKey || error instanceof Unreadable) return refused(error.message);
    throw error;
  }
  const story = { storeEpoch: store.epoch, earlierEpochs: store.earlierEpochs, liveBlogId: id };
  const witnesses = await storedCheckpoints(store, id);
  const report = await verifyExtension(checkpoint, keys, story, streamPages(store, streamOf(id)), witnesses);
  const signed = `checkpoint of revision ${checkpoint.revision}, signed ${checkpoint.at} by key ${checkpoint.keyId}`;
  return { exitCode: report.ok ? 0 : 1, lines: printable([`${id}: ${signed}`, `${id}: ${report.message}`]) };
}

class Unreadable extends Error {}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Unreadable(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Unreadable(`${file} is not JSON: ${(error as Error).message}`);
  }
}

function refused(line: string): CommandOutcome {
  return { exitCode: 2, lines: [line] };
}

function usage(): CommandOutcome {
  return { exitCode: 2, lines: [CHECKPOINT_USAGE] };
}
