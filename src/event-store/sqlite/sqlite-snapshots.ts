import type Database from 'better-sqlite3';
import type { Checkpoint } from '../event-store.js';
import type { SnapshotFeedPlace, SnapshotStore, StoredSnapshot } from '../snapshots.js';

/**
 * Snapshots in two tables of the store's own file. The trigger drops a stream's snapshots in the
 * transaction that rewrites one of its events (a lawful redaction), before the store clears its file
 * of the old text; and a snapshot is written only while the stream's last revision is its own.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS snapshots (
    stream   TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    hash     TEXT NOT NULL,
    format   INTEGER NOT NULL,
    digest   TEXT NOT NULL,
    state    TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS snapshot_feed (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checkpoint TEXT NOT NULL,
    streams    TEXT NOT NULL,
    summaries  TEXT
  );
  CREATE TRIGGER IF NOT EXISTS snapshots_forget_rewritten AFTER UPDATE OF data, metadata ON events
  BEGIN
    DELETE FROM snapshots WHERE stream = NEW.stream;
  END;
`;

interface FeedRow {
  readonly checkpoint: string;
  readonly streams: string;
  readonly summaries: string | null;
}

/** A file made before the stories' summaries were kept gets their column (empty until the next save). */
function addSummaries(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('snapshot_feed')").all();
  if (!columns.some(({ name }) => name === 'summaries')) db.exec('ALTER TABLE snapshot_feed ADD COLUMN summaries TEXT');
}

export class SqliteSnapshots implements SnapshotStore {
  private readonly statements;
  private readonly saveAll: (snapshots: readonly StoredSnapshot[], place: SnapshotFeedPlace | null) => number;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    addSummaries(db);
    this.statements = {
      read: db.prepare<[string], StoredSnapshot>(
        'SELECT stream, revision, position, hash, format, digest, state FROM snapshots WHERE stream = ?',
      ),
      write: db.prepare<StoredSnapshot & { stream: string }>(
        `INSERT OR REPLACE INTO snapshots (stream, revision, position, hash, format, digest, state)
         SELECT @stream, @revision, @position, @hash, @format, @digest, @state
          WHERE (SELECT max(revision) FROM events WHERE stream = @stream) = @revision`,
      ),
      feed: db.prepare<[], FeedRow>('SELECT checkpoint, streams, summaries FROM snapshot_feed WHERE id = 1'),
      writeFeed: db.prepare<[string, string, string | null]>(
        'INSERT OR REPLACE INTO snapshot_feed (id, checkpoint, streams, summaries) VALUES (1, ?, ?, ?)',
      ),
    };
    this.saveAll = db.transaction((snapshots, place) => {
      let written = 0;
      for (const snapshot of snapshots) written += this.statements.write.run(snapshot).changes;
      if (place) {
        this.statements.writeFeed.run(place.checkpoint, JSON.stringify(place.streams), place.summaries);
      }
      return written;
    });
  }

  read(stream: string): Promise<StoredSnapshot | null> {
    return Promise.resolve(this.statements.read.get(stream) ?? null);
  }

  feedPlace(): Promise<SnapshotFeedPlace | null> {
    const row = this.statements.feed.get();
    if (!row) return Promise.resolve(null);
    const streams = JSON.parse(row.streams) as string[];
    return Promise.resolve({ checkpoint: row.checkpoint as Checkpoint, streams, summaries: row.summaries });
  }

  save(snapshots: readonly StoredSnapshot[], place: SnapshotFeedPlace | null): Promise<number> {
    return Promise.resolve(this.saveAll(snapshots, place));
  }
}
