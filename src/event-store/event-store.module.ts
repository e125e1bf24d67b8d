import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { EVENT_STORE, type EventStore, type OpenOptions } from './event-store.js';
import { openKurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { openPostgresEventStore, type PostgresEventStore } from './postgres/postgres-event-store.js';
import { noSnapshots, SNAPSHOT_STORE, type SnapshotStore } from './snapshots.js';
import { OtherStreamEvents } from './other-stream-events.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { CLOCK, systemClock, type Clock } from '../kernel/index.js';

/**
 * Picks the adapter named by EVENT_STORE; nothing above this module knows which one runs.
 * `options.newEpoch` gives the store a new epoch as it opens (`npm run store -- new-epoch`).
 */
export async function openEventStore(
  config: AppConfig,
  clock: Clock = systemClock,
  options: OpenOptions = {},
): Promise<EventStore> {
  switch (config.eventStore.kind) {
    case 'sqlite':
      return openSqliteEventStore(config.eventStore.path, clock, options);
    case 'kurrentdb':
      return openKurrentDbEventStore(config.eventStore.connectionString, options);
    case 'postgres':
      return openPostgresEventStore({ ...config.eventStore, timeoutMs: config.storeTimeoutMs }, options);
  }
}

/** The snapshots beside the events, through the store's own connection; KurrentDB keeps none. */
export function snapshotsOf(config: AppConfig, store: EventStore): SnapshotStore {
  switch (config.eventStore.kind) {
    case 'sqlite':
      return (store as SqliteEventStore).snapshots();
    case 'postgres':
      return (store as PostgresEventStore).snapshots();
    case 'kurrentdb':
      return noSnapshots;
  }
}

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, inject: [APP_CONFIG, CLOCK], useFactory: openEventStore },
    { provide: SNAPSHOT_STORE, inject: [APP_CONFIG, EVENT_STORE], useFactory: snapshotsOf },
    OtherStreamEvents,
  ],
  exports: [EVENT_STORE, SNAPSHOT_STORE, OtherStreamEvents],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Runs after the HTTP server stopped taking requests, so in-flight appends have finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
