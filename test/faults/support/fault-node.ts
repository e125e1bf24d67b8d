import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../../src/shared/paths.js';
import type { SharedStore } from '../../support/cluster.js';
import { startNode, type NodeProcess } from '../../support/node-process.js';

export const FAULT_SECRET = 'faults-test-secret-that-is-long-enough-0123456789';

/**
 * A real node (`node dist/main.js`) on a store that outlives it. Every budget is off: the fault
 * tests send from one address at a rate no newsroom reaches, and measure loss, not throttling.
 */
export function startFaultNode(store: SharedStore, dataDir: string, port?: number): Promise<NodeProcess> {
  return startNode({
    port,
    env: {
      EVENT_STORE: store.eventStore,
      DATA_DIR: dataDir,
      AUTH_SECRET: FAULT_SECRET,
      SEED: 'false',
      LIVE_REQUESTS_PER_ADDRESS: '0',
      SOCKET_CONNECT_RATE_LIMIT: '0',
      READ_RATE_LIMIT: '0',
      WRITE_RATE_LIMIT: '0',
    },
  });
}

/**
 * A bearer token from `npm run token` (dist/cli/token.js) for the fault nodes' secret, so the
 * tokens carry whatever claims the server requires, as an operator's would.
 */
export function faultToken(role: 'editor' | 'contributor' | 'auditor', name: string): string {
  const script = join(projectRoot, 'dist/cli/token.js');
  return execFileSync(process.execPath, [script, '--role', role, '--name', name], {
    env: { AUTH_SECRET: FAULT_SECRET, PATH: process.env.PATH },
    encoding: 'utf8',
  }).trim();
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One HTTP request to a node; throws when the node is gone (no answer at all). */
export async function request(
  url: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export interface AuditedEvent {
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly correlationId?: string };
}

/** Every stored event of a story, oldest first, as auditors read them (`/events`, a page at a time). */
export async function storedEvents(node: NodeProcess, liveBlogId: string, auditor: string): Promise<AuditedEvent[]> {
  const events: AuditedEvent[] = [];
  for (let from: number | null = 0; from !== null; ) {
    const page = await request(
      `${node.url}/api/live-blogs/${liveBlogId}/events?fromRevision=${from}&limit=1000`,
      'GET',
      auditor,
    );
    if (page.status !== 200) throw new Error(`GET /events answered ${page.status}`);
    events.push(...(page.body.events as AuditedEvent[]));
    from = page.body.nextFromRevision as number | null;
  }
  return events;
}

/** The hash chain recomputed by the server: `{ok, checked}`. */
export async function integrity(node: NodeProcess, liveBlogId: string, auditor: string) {
  const answer = await request(`${node.url}/api/live-blogs/${liveBlogId}/integrity`, 'GET', auditor);
  return answer.body as { ok: boolean; checked: number; firstBrokenRevision?: number };
}
