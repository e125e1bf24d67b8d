import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  openPostgresEventStore,
  type PostgresEventStore,
} from '../../src/event-store/postgres/postgres-event-store.js';
import type { OpenOptions } from '../../src/event-store/event-store.js';

/** The server the tests use: this machine's PostgreSQL (trust auth), unless TEST_POSTGRES_URL names another. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be used here, or null when it answers. */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${TEST_POSTGRES_URL} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `describe` when PostgreSQL answers; otherwise a skipped block whose name, and a console
 * warning, say why, so the rest of the run still passes and nobody mistakes the skip for a pass.
 */
export async function describeWithPostgres(name: string, body: () => void): Promise<void> {
  const reason = await postgresUnavailable();
  if (reason === null) return describe(name, body);
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(`${name} (skipped: ${reason})`, body);
}

/**
 * Schemas made for one test file, each new and empty, all dropped by `dropAll` (call it in afterAll).
 * Names carry the process id and random bytes, so parallel Jest workers never share one.
 */
export class TestSchemas {
  private readonly made: string[] = [];

  next(): string {
    const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    this.made.push(name);
    return name;
  }

  get last(): string {
    return this.made.at(-1)!;
  }

  open(schema = this.next(), options?: OpenOptions): Promise<PostgresEventStore> {
    return openPostgresEventStore({ connectionString: TEST_POSTGRES_URL, schema, poolSize: 4 }, options);
  }

  async dropAll(): Promise<void> {
    if (this.made.length === 0) return;
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      for (const schema of this.made.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }
}
