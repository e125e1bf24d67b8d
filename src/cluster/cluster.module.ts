import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { CLUSTER_STATE, type ClusterState } from './cluster-state.js';
import { localClusterState } from './local-cluster-state.js';
import { openPostgresClusterState } from './postgres/postgres-cluster-state.js';

/**
 * The one place that decides where nodes share their reader counts, rate limits and locks,
 * from the same EVENT_STORE setting that picks the store.
 */
async function openClusterState(config: AppConfig): Promise<ClusterState> {
  switch (config.eventStore.kind) {
    case 'sqlite':
      return localClusterState();
    // KurrentDB has no shared state but events (a stream per count would bloat $all): each node
    // counts its own readers and keeps its own budgets (README, "Several nodes").
    case 'kurrentdb':
      return localClusterState();
    // The database the events are in: the one component every node already shares.
    case 'postgres':
      return openPostgresClusterState({ ...config.eventStore, timeoutMs: config.storeTimeoutMs });
  }
}

@Global()
@Module({
  providers: [{ provide: CLUSTER_STATE, inject: [APP_CONFIG], useFactory: openClusterState }],
  exports: [CLUSTER_STATE],
})
export class ClusterModule implements OnApplicationShutdown {
  constructor(@Inject(CLUSTER_STATE) private readonly cluster: ClusterState) {}

  async onApplicationShutdown(): Promise<void> {
    await this.cluster.close();
  }
}
