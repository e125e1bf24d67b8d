/** The cluster folder's front door: what other folders may use. */
export { CLUSTER_STATE, type ClusterState, type Presence, type RateLimit } from './cluster-state.js';
export { ClusterModule } from './cluster.module.js';
