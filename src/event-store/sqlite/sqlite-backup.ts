import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BACKUP_MARK, openSqliteConnection, retain } from './sqlite-event-store.js';

interface SqliteBackup {
  /** The epoch of the store copied: the copy gets a new one the first time it is opened as a store. */
  readonly epoch: string;
  readonly events: number;
  readonly bytes: number;
}

/**
 * An online backup of the store's file into `target` (SQLite's backup API through better-sqlite3:
 * safe while the server writes, each page copied from one consistent snapshot), made a single file
 * (rollback journal, no WAL beside it) and marked as a copy, so that the store restored from it gets
 * a new epoch when it is first opened and its readers redraw instead of resuming into another history.
 */
export async function backupSqliteStore(source: string, target: string): Promise<SqliteBackup> {
  if (!existsSync(source)) throw new Error(`no event store at ${source}`);
  await mkdir(dirname(target), { recursive: true });
  // Made empty and owner-only first (an empty file is an empty database): the copy holds what the
  // store holds (password hashes, sessions, unpublished text); and 'wx' never overwrites a file.
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${target} exists: a backup never overwrites a file`);
    }
    throw error;
  }
  const original = openSqliteConnection(source);
  let totalPages: number;
  try {
    ({ totalPages } = await original.backup(target));
  } finally {
    original.close();
  }
  // Connections and statements are kept from the collector, as the store's are (see retain).
  const copy = openSqliteConnection(target);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
    copy.exec(
      `INSERT OR REPLACE INTO store_meta (key, value) SELECT '${BACKUP_MARK}', value FROM store_meta WHERE key = 'epoch'`,
    );
    const recall = (sql: string) => retain(copy.prepare(sql).pluck()).get();
    const epoch = recall(`SELECT value FROM store_meta WHERE key = '${BACKUP_MARK}'`) as string;
    const events = recall('SELECT count(*) FROM events') as number;
    const pageSize = recall('PRAGMA page_size') as number;
    return { epoch, events, bytes: totalPages * pageSize };
  } finally {
    copy.close();
  }
}
