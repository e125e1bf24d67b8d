import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/shared/paths.js';

/**
 * A real Dateline node: `node dist/main.js` in its own process, as `npm start` runs it, on
 * 127.0.0.1 and a free port. Used by the multi-node tests and the failover check, which need to
 * kill a node with SIGKILL (an in-process app cannot be killed that way).
 */
export interface NodeProcess {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** What the node wrote to stderr (its warnings and errors), for a failing test's message. */
  readonly stderr: string[];
  /** Resolves with the exit code (or signal) once the process has gone. */
  readonly exited: Promise<number | string>;
  /** SIGKILL: no shutdown hooks, no goodbye to sockets, as a crash or an evicted container. */
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop. */
  stop(): Promise<void>;
}

export interface NodeOptions {
  /** Settings for the node (EVENT_STORE, AUTH_SECRET, SEED…); HOST and PORT are chosen here. */
  readonly env: NodeJS.ProcessEnv;
  readonly readyTimeoutMs?: number;
  /** Listen on this port rather than a free one: a restart where its clients expect it. */
  readonly port?: number;
}

export const MAIN_SCRIPT = join(projectRoot, 'dist/main.js');

export async function startNode(options: NodeOptions): Promise<NodeProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await spawnNode(port, options);
    } catch (error) {
      // Another process may have taken the port between our probe and the node's listen (or, for a
      // fixed port, the killed node's socket may not be released yet).
      if (!(error instanceof PortTaken) || attempt >= 3) throw error;
      if (options.port !== undefined) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

class PortTaken extends Error {}

async function spawnNode(port: number, options: NodeOptions): Promise<NodeProcess> {
  const child = spawn(process.execPath, [MAIN_SCRIPT], {
    env: { LOG_LEVEL: 'warn', ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'gone')),
  );
  const url = `http://127.0.0.1:${port}`;
  const node: NodeProcess = {
    url,
    port,
    pid: child.pid!,
    stderr,
    exited,
    kill: () => signal(child, 'SIGKILL', exited),
    stop: () => signal(child, 'SIGTERM', exited),
  };
  const ready = await readiness(url, child.pid!, port, exited, options.readyTimeoutMs ?? 60_000);
  if (ready === 'ready') return node;
  await node.kill();
  const output = stderr.join('').trim();
  if (output.includes('EADDRINUSE')) throw new PortTaken(output);
  throw new Error(
    `node on port ${port} ${ready === 'exited' ? 'exited' : 'did not answer /health'}: ${output.slice(-2000)}`,
  );
}

/**
 * Polls /health until this child answers 200, the process exits, or the time is up. Another test's
 * node (a suite running beside this one) may take the port between the probe and this node's
 * listen, and answer /health first: only an answer while the child holds the listening socket counts.
 */
async function readiness(
  url: string,
  pid: number,
  port: number,
  exited: Promise<unknown>,
  timeoutMs: number,
): Promise<'ready' | 'exited' | 'timeout'> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const answered = (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
      if (answered && listensOn(pid, port)) return 'ready';
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return gone ? 'exited' : 'timeout';
}

async function signal(child: ChildProcess, name: NodeJS.Signals, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
  await exited;
}

/**
 * Whether process `pid` holds the socket listening on `port` (Linux: /proc/net/tcp names the
 * listening socket's inode, /proc/<pid>/fd its owner). Elsewhere the answer is taken as the child's.
 */
function listensOn(pid: number, port: number): boolean {
  if (!existsSync('/proc/net/tcp')) return true;
  const portHex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (local?.endsWith(portHex) && state === '0A' && inode) inodes.add(inode);
    }
  }
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '');
      } catch {
        return false; // closed between the listing and the read
      }
    });
  } catch {
    return false; // the process is gone
  }
}

/** A port that was free a moment ago on 127.0.0.1 (the node binds it itself; see startNode's retry). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
