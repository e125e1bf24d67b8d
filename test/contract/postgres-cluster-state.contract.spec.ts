import { openPostgresClusterState } from '../../src/cluster/postgres/postgres-cluster-state.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';
import { clusterStateContract } from './cluster-state.contract.js';

const schemas = new TestSchemas();
const schema = schemas.next();
afterAll(() => schemas.dropAll());

await describeWithPostgres('cluster state in PostgreSQL', () =>
  clusterStateContract(
    'PostgreSQL (presence table, RateLimiterPostgres, advisory locks)',
    () =>
      openPostgresClusterState({
        connectionString: TEST_POSTGRES_URL,
        schema,
        timing: { staleAfterSeconds: 1, purgeAfterSeconds: 60 },
      }),
    1000,
  ),
);
