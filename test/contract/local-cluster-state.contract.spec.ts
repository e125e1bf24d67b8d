import { localClusterState } from '../../src/cluster/local-cluster-state.js';
import { clusterStateContract } from './cluster-state.contract.js';

clusterStateContract('in-process state (the embedded store)', async () => localClusterState(), 0);
