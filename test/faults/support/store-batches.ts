import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../../src/config/config.js';
import { openEventStore } from '../../../src/event-store/event-store.module.js';
import { projectRoot } from '../../../src/shared/paths.js';
import type { SharedStore } from '../../support/cluster.js';

export const BATCH_STREAM = 'crash-batches';

/** Processes appending multi-event batches to one stream (support/batch-writer.mjs), and what they were told. */
export interface BatchWriters {
  /** batch id → the revision of its first event, for each append the store acknowledged. */
  readonly acknowledged: Map<string, number>;
  /** SIGKILL, all of them at once. */
  kill(): Promise<void>;
}

export function startBatchWriters(store: SharedStore, dataDir: string, prefix: string, count: number): BatchWriters {
  const acknowledged = new Map<string, number>();
  const children: Array<{ child: ChildProcess; exited: Promise<unknown> }> = [];
  for (let writer = 1; writer <= count; writer++) {
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'test/faults/support/batch-writer.mjs'), BATCH_STREAM, `${prefix}-w${writer}`],
      { env: { EVENT_STORE: store.eventStore, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const [batch, revision] = line.split(' ');
      acknowledged.set(batch!, Number(revision));
    });
    children.push({ child, exited: new Promise((resolve) => child.once('exit', resolve)) });
  }
  return {
    acknowledged,
    kill: async () => {
      for (const { child } of children) child.kill('SIGKILL');
      await Promise.all(children.map(({ exited }) => exited));
    },
  };
}

export interface BatchVerdict {
  readonly batches: number;
  readonly events: number;
  /** Acknowledged batches not stored whole at the revision their append returned. */
  readonly lost: string[];
  /** Batches stored with some of their events missing, out of order or split. */
  readonly half: string[];
  readonly contiguous: boolean;
}

/** Reads the batch stream back through the port, as a restarted node would, and checks every batch. */
export async function verifyBatches(
  store: SharedStore,
  dataDir: string,
  acknowledged: ReadonlyMap<string, number>,
): Promise<BatchVerdict> {
  const eventStore = await openEventStore(loadConfig({ EVENT_STORE: store.eventStore, DATA_DIR: dataDir }));
  try {
    const events = await eventStore.readStream(BATCH_STREAM, { fromRevision: 0, maxCount: 1_000_000 });
    const parts = events.map((event) => event.data as { batch: string; part: number; size: number });
    const starts = new Map<string, number>();
    const half: string[] = [];
    for (let index = 0; index < parts.length; ) {
      const { batch, size } = parts[index]!;
      const whole = Array.from({ length: size }, (_, part) => parts[index + part]).every(
        (stored, part) => stored?.batch === batch && stored.part === part,
      );
      if (!whole || starts.has(batch)) half.push(batch);
      starts.set(batch, events[index]!.revision);
      index += whole ? size : 1;
    }
    return {
      batches: starts.size,
      events: events.length,
      lost: [...acknowledged].filter(([batch, revision]) => starts.get(batch) !== revision).map(([batch]) => batch),
      half,
      contiguous: events.every((event, index) => event.revision === index),
    };
  } finally {
    await eventStore.close();
  }
}
