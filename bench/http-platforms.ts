/**
 * Article GET on Express and on Fastify under Nest, same app, same store, same story.
 * The server runs in a child process; autocannon runs here, so the two do not share a core.
 *   npm run bench:http -- [--seconds 10] [--connections 50]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    server: { type: 'string' },
  },
});

if (values.server) {
  const { serveForBench } = await import('./support/bench-server.js');
  await serveForBench(values.server as 'express' | 'fastify');
} else {
  const results: Record<string, autocannon.Result> = {};
  for (const platform of ['express', 'fastify', 'express', 'fastify']) {
    const { child, url } = await startServer(platform);
    const result = await autocannon({
      url: `${url}/api/live-blogs/kyrgyzstan-2010-04-08`,
      duration: Number(values.seconds),
      connections: Number(values.connections),
    });
    child.kill('SIGTERM');
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${platform}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    // The second round of each platform is the measured one; the first warms the machine.
    results[platform] = result;
    console.log(
      `${platform.padEnd(8)} ${result.requests.average.toFixed(0)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`,
    );
  }
  const ratio = results.fastify!.requests.average / results.express!.requests.average;
  console.log(`fastify / express throughput: ${ratio.toFixed(2)}`);
}

async function startServer(platform: string): Promise<{ child: ChildProcess; url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const child = fork(process.argv[1]!, ['--server', platform], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
  });
  child.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve(String(message)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}
