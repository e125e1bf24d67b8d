import { sharedPostgresSchema } from '../support/cluster.js';
import { describeWithPostgres } from '../support/postgres.js';
import { severalNodesCases } from './several-nodes.cases.js';

await describeWithPostgres('several app processes on one PostgreSQL database', severalNodesCases(sharedPostgresSchema));
