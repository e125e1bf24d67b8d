/**
 * The store's own ceiling for bench/append.ts: single-row INSERTs, each its own durable commit,
 * with the settings the adapter uses (SQLite: WAL, synchronous FULL; PostgreSQL: the server's
 * synchronous_commit, on by default). The row is the size of a posted update's stored event.
 */
import { join } from 'node:path';
import pg from 'pg';
import { openSqliteConnection, openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

const ROW = JSON.stringify({
  type: 'UpdatePosted',
  data: { updateId: 'raw-0000', kind: 'report', body: 'x'.repeat(300) },
  metadata: {
    at: '2010-04-08T17:37:00Z',
    author: { id: 'bench', name: 'Bench', role: 'editor' },
    hash: 'h'.repeat(64),
  },
});

/** Commits per second from `writers` loops, each waiting for its commit before the next. */
export interface RawRate {
  readonly writers: number;
  readonly commitsPerSecond: number;
}

/** One connection in the same file format and durability as the adapter's (better-sqlite3 is synchronous: one writer). */
export async function sqliteRawRate(dir: string, seconds: number): Promise<RawRate> {
  const path = join(dir, 'raw-commits.db');
  await (await openSqliteEventStore(path)).close(); // WAL mode, which the file keeps
  const db = openSqliteConnection(path);
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS raw_commits (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw_commits (body) VALUES (?)');
  const deadline = Date.now() + seconds * 1000;
  let commits = 0;
  while (Date.now() < deadline) {
    insert.run(ROW);
    commits++;
  }
  db.close();
  return { writers: 1, commitsPerSecond: commits / seconds };
}

/** `writers` connections inserting at once into a table of the bench's schema (autocommit: one commit each). */
export async function postgresRawRate(
  connectionString: string,
  schema: string,
  writers: number,
  seconds: number,
): Promise<RawRate> {
  const clients = await Promise.all(
    Array.from({ length: writers }, async () => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      return client;
    }),
  );
  const table = `"${schema}".raw_commits`;
  await clients[0].query(`CREATE TABLE IF NOT EXISTS ${table} (id bigserial PRIMARY KEY, body json NOT NULL)`);
  const deadline = Date.now() + seconds * 1000;
  const counts = await Promise.all(
    clients.map(async (client) => {
      let commits = 0;
      while (Date.now() < deadline) {
        await client.query(`INSERT INTO ${table} (body) VALUES ($1)`, [ROW]);
        commits++;
      }
      return commits;
    }),
  );
  await Promise.all(clients.map((client) => client.end()));
  return { writers, commitsPerSecond: counts.reduce((sum, count) => sum + count, 0) / seconds };
}
