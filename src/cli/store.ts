import { existsSync } from 'node:fs';
import { loadConfig } from '../config/index.js';
import { backupSqliteStore, openEventStore } from '../event-store/index.js';
import { systemClock } from '../kernel/index.js';

const USAGE = [
  'usage: npm run store -- backup <file>   (SQLite: an online copy, safe while the server runs)',
  '       npm run store -- new-epoch       (after a restore the store cannot tell of itself; servers stopped)',
].join('\n');

/**
 * `npm run store`: an online backup of a SQLite store, and a new epoch for a restored store, so
 * that readers redraw instead of resuming into another history (README, "Backups and restores").
 */
async function run(args: readonly string[]): Promise<{ exitCode: 0 | 1 | 2; lines: readonly string[] }> {
  const [command, file, ...rest] = args;
  if (rest.length > 0 || (command === 'backup') !== (file !== undefined)) return { exitCode: 2, lines: [USAGE] };
  const config = loadConfig();
  const setting = config.eventStore;
  if (command === 'backup') {
    if (setting.kind !== 'sqlite') {
      const tool = setting.kind === 'postgres' ? 'pg_dump (README, "Backups and restores")' : "KurrentDB's own backup";
      return { exitCode: 2, lines: [`backup copies a SQLite store; this store is ${setting.kind}: use ${tool}`] };
    }
    const made = await backupSqliteStore(setting.path, file!);
    return {
      exitCode: 0,
      lines: [
        `backed up ${made.events} events (${made.bytes} bytes) of the store of epoch ${made.epoch} to ${file}`,
        'restored, it gets a new epoch when it is first opened',
      ],
    };
  }
  if (command !== 'new-epoch') return { exitCode: 2, lines: [USAGE] };
  // Opening a missing SQLite file would create an empty store with a fresh epoch, and say nothing useful.
  if (setting.kind === 'sqlite' && !existsSync(setting.path)) {
    return { exitCode: 1, lines: [`no event store at ${setting.path} (set DATA_DIR or EVENT_STORE)`] };
  }
  const store = await openEventStore(config, systemClock, { newEpoch: true });
  try {
    const previous = store.earlierEpochs.at(-1);
    return {
      exitCode: 0,
      lines: [`new epoch ${store.epoch} (was ${previous}): readers redraw; checkpoints signed before still verify`],
    };
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  ({ exitCode, lines }) => {
    (exitCode === 2 ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`store: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
