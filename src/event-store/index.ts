/** The event-store folder's front door: what other folders may use. */
export { WrongExpectedRevision } from './errors.js';
export {
  type AppendResult,
  type Checkpoint,
  compareCheckpoints,
  EVENT_STORE,
  type EventRewrite,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from './event-store.js';
export { EventStoreModule, openEventStore, snapshotsOf } from './event-store.module.js';
export { SNAPSHOT_STORE, type SnapshotStore, type StoredSnapshot } from './snapshots.js';
export { backupSqliteStore } from './sqlite/sqlite-backup.js';
export { OtherStreamEvents } from './other-stream-events.js';
export { StoreUnavailable } from './store-outage.js';
