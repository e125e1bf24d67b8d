import type { Checkpoint } from './event-store.js';

/**
 * A story's folded state at one revision, serialised: derived data kept beside the events so that a
 * restart folds only what came after it. Never part of the hash chain, never in an evidence bundle;
 * whoever loads one checks it against the stored event at `revision` before trusting it.
 */
export interface StoredSnapshot {
  readonly stream: string;
  /** The revision of the last event the state holds. */
  readonly revision: number;
  /** That event's position and chain hash. */
  readonly position: number;
  readonly hash: string;
  /** The serialisation's version: one of another version is ignored. */
  readonly format: number;
  /** sha256 of the fields above and `state`: a row changed by hand, or cut short, does not match. */
  readonly digest: string;
  readonly state: string;
}

/** Where the projection runner stood when it last saved snapshots, and every story it held then. */
export interface SnapshotFeedPlace {
  readonly checkpoint: Checkpoint;
  readonly streams: readonly string[];
  /**
   * What the runner keeps of every story at that checkpoint, serialised and signed by a digest as it
   * wrote it (so a start reads these, not every snapshot); null in a place saved before they were kept.
   */
  readonly summaries: string | null;
}

/**
 * The snapshot store: a table beside the events (SQLite, PostgreSQL). `save` writes a snapshot only
 * while its revision is still the stream's last one (checked in its transaction), so a snapshot never
 * brings back text that a redaction appended since has removed; the store drops a stream's snapshots
 * in the transaction that rewrites any of its events (DESIGN §3a).
 */
export interface SnapshotStore {
  read(stream: string): Promise<StoredSnapshot | null>;
  feedPlace(): Promise<SnapshotFeedPlace | null>;
  /** Writes the snapshots still at their stream's head, and the runner's place, in one transaction; answers how many were written. */
  save(snapshots: readonly StoredSnapshot[], place: SnapshotFeedPlace | null): Promise<number>;
}

/** KurrentDB keeps no snapshots: every start folds from revision 0, as before. */
export const noSnapshots: SnapshotStore = {
  read: () => Promise.resolve(null),
  feedPlace: () => Promise.resolve(null),
  save: () => Promise.resolve(0),
};

export const SNAPSHOT_STORE = Symbol('SnapshotStore');
