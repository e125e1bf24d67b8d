import { openSqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

eventStoreContract('sqlite :memory:', () => openSqliteEventStore(':memory:'));
