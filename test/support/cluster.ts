import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startNode, type NodeProcess } from './node-process.js';
import { TEST_POSTGRES_URL } from './postgres.js';
import { signToken } from './tokens.js';

export const CLUSTER_SECRET = 'cluster-test-secret-that-is-long-enough-0123456789';

/** Several real Dateline processes sharing one store, and an editor's way to write to any of them. */
export interface Cluster {
  readonly nodes: NodeProcess[];
  readonly editorToken: string;
  /** Starts one more node on the same store (a replacement, or a node that joins late). */
  add(env?: NodeJS.ProcessEnv): Promise<NodeProcess>;
  close(): Promise<void>;
}

/** Where a cluster keeps its events: a store setting shared by every node, and its cleanup. */
export interface SharedStore {
  readonly eventStore: string;
  readonly describe: string;
  drop(): Promise<void>;
}

/** Two processes on one SQLite file in WAL mode: the shared store available everywhere. */
export function sharedSqliteFile(): SharedStore {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-cluster-'));
  return {
    eventStore: `sqlite:${join(folder, 'events.db')}`,
    describe: 'one SQLite file',
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** A fresh schema on the test PostgreSQL server, dropped afterwards: what several nodes are for. */
export function sharedPostgresSchema(): SharedStore {
  const schema = `test_nodes_${process.pid}_${randomBytes(4).toString('hex')}`;
  const separator = TEST_POSTGRES_URL.includes('?') ? '&' : '?';
  return {
    eventStore: `${TEST_POSTGRES_URL}${separator}schema=${schema}`,
    describe: 'one PostgreSQL database',
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    },
  };
}

export interface ClusterOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Start every node at the same moment (a fleet coming up together) rather than one by one. */
  readonly together?: boolean;
}

export async function startCluster(store: SharedStore, size: number, options: ClusterOptions = {}): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-cluster-data-'));
  const nodes: NodeProcess[] = [];
  const add = async (extra: NodeJS.ProcessEnv = {}) => {
    const node = await startNode({
      env: {
        EVENT_STORE: store.eventStore,
        DATA_DIR: dataDir,
        AUTH_SECRET: CLUSTER_SECRET,
        SEED: 'false',
        ...options.env,
        ...extra,
      },
    });
    nodes.push(node);
    return node;
  };
  try {
    if (options.together) await Promise.all(Array.from({ length: size }, () => add()));
    else for (let index = 0; index < size; index++) await add();
  } catch (error) {
    await Promise.all(nodes.map((node) => node.kill()));
    throw error;
  }
  return {
    nodes,
    editorToken: signToken(CLUSTER_SECRET, {
      sub: 'cluster-editor',
      name: 'Cluster Editor',
      role: 'editor',
    }),
    add,
    close: async () => {
      await Promise.all(nodes.map((node) => node.kill()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Written {
  readonly status: number;
  readonly body: { revision?: number; position?: number };
}

/** An editor's HTTP write to one node (fetch: the node is another process). */
export async function write(
  node: NodeProcess,
  token: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Written> {
  const response = await fetch(`${node.url}/api/live-blogs${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Written['body'] };
}

/** Posts an update, retrying a write conflict with the same Idempotency-Key as a careful client would. */
export async function postUpdate(
  node: NodeProcess,
  token: string,
  liveBlogId: string,
  updateId: string,
): Promise<Written> {
  for (let attempt = 1; ; attempt++) {
    const written = await write(
      node,
      token,
      `/${liveBlogId}/updates`,
      { kind: 'report', body: `Update ${updateId}`, updateId },
      {
        'Idempotency-Key': `post-${updateId}`,
      },
    );
    if (written.status !== 409 || attempt >= 10) return written;
  }
}

export async function readJson<T>(node: NodeProcess, path: string, token?: string): Promise<T> {
  const response = await fetch(`${node.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
