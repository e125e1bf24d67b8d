import { sharedSqliteFile } from '../support/cluster.js';
import { severalNodesCases } from './several-nodes.cases.js';

describe('several app processes on one SQLite file', severalNodesCases(sharedSqliteFile));
