import { describeWithPostgres, TestSchemas } from '../support/postgres.js';
import { eventStoreContract } from './event-store.contract.js';

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

// Each store gets its own new schema; reopening connects again to the last one made.
await describeWithPostgres('postgres', () => {
  eventStoreContract(
    'postgres',
    () => schemas.open(),
    (options) => schemas.open(schemas.last, options),
  );
});
