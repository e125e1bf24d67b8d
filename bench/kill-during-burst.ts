/**
 * Durability check: editors post as fast as they can, the server is killed with SIGKILL in the
 * middle, restarted on the same data folder, and every post it acknowledged (201) must be there.
 *   npm run check:kill -- [--rounds 3] [--writers 8] [--after-ms 1500]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/shared/paths.js';
import { signToken } from '../test/support/tokens.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    writers: { type: 'string', default: '8' },
    'after-ms': { type: 'string', default: '1500' },
  },
});
const SECRET = 'kill-check-secret-that-is-long-enough-0123456789';
const STORY = 'kyrgyzstan-2010-04-08';
const token = signToken(SECRET, { sub: 'burst', name: 'Burst Editor', role: 'editor' });
const dataDir = mkdtempSync(join(tmpdir(), 'dateline-kill-'));
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}/api/live-blogs/${STORY}`;

let acknowledged = 0;
let lost = 0;
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    const server = await start();
    const acked: string[] = [];
    let stop = false;
    const writers = Array.from({ length: Number(values.writers) }, (_, writer) =>
      writeUntilStopped(`r${round}-w${writer}`, acked, () => stop),
    );
    await sleep(Number(values['after-ms']));
    server.kill('SIGKILL');
    stop = true;
    await Promise.allSettled(writers);
    await server.exited;
    const restarted = await start();
    const stored = await storedUpdateIds();
    const missing = acked.filter((id) => !stored.has(id));
    console.log(
      `round ${round}: ${acked.length} posts acknowledged before SIGKILL, ${missing.length} missing after restart`,
    );
    acknowledged += acked.length;
    lost += missing.length;
    restarted.kill('SIGTERM');
    await restarted.exited;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`total: ${acknowledged} acknowledged, ${lost} lost`);
process.exit(lost === 0 && acknowledged > 0 ? 0 : 1);

async function writeUntilStopped(prefix: string, acked: string[], stopped: () => boolean): Promise<void> {
  for (let index = 0; !stopped(); index++) {
    const updateId = `${prefix}-${index}`;
    try {
      const response = await fetch(`${base}/updates`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'report', body: `Burst post ${updateId}`, updateId }),
      });
      if (response.status === 201) acked.push(updateId);
    } catch {
      return; // the server is gone
    }
  }
}

async function storedUpdateIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  let before: number | null | undefined;
  do {
    const query = before === undefined ? '?limit=100' : `?limit=100&beforeRevision=${before}`;
    const page = (await (await fetch(`${base}/updates${query}`)).json()) as {
      updates: { updateId: string }[];
      nextBeforeRevision: number | null;
    };
    for (const update of page.updates) ids.add(update.updateId);
    before = page.nextBeforeRevision;
  } while (before !== null);
  return ids;
}

type Server = ChildProcess & { exited: Promise<unknown> };

async function start(): Promise<Server> {
  const child = spawn(process.execPath, [join(projectRoot, 'dist/main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }) as Server;
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('the server did not start');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
