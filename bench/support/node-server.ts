import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/shared/paths.js';

/** A Dateline node as `npm start` runs it (dist/main.js), in a process of its own. */
export interface NodeServer {
  readonly url: string;
  /** The server's process id (to read its CPU time). */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the built server on `port` with these settings and waits until /health answers.
 * BENCH_NODE_FLAGS adds flags to the server's node (e.g. `--cpu-prof --cpu-prof-dir=prof` to profile it).
 */
export async function startNode(port: number, env: NodeJS.ProcessEnv): Promise<NodeServer> {
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...flags, join(projectRoot, 'dist/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  // Up to a minute: a node folds its whole store before it answers, and the machine may be busy.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the node on port ${port} exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      return {
        url,
        pid: child.pid!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the node on port ${port} did not become healthy`);
}
