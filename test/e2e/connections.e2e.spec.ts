import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startedApp } from '../support/app.js';
import { sleep } from '../support/live.js';
import { MAIN_SCRIPT } from '../support/node-process.js';

/** A raw connection from `localAddress` (any 127.x address is this machine's loopback on Linux). */
function open(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Milliseconds until the server ends the connection, while `drip` sends one byte every `everyMs`. */
async function dripUntilClosed(socket: Socket, start: string, everyMs: number, limitMs: number): Promise<number> {
  const started = performance.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - started)));
  socket.on('error', () => undefined);
  socket.write(start);
  const drip = setInterval(() => socket.writable && socket.write('a'), everyMs);
  const outcome = await Promise.race([closed, sleep(limitMs).then(() => Number.POSITIVE_INFINITY)]);
  clearInterval(drip);
  socket.destroy();
  return Math.round(outcome);
}

/** An HTTP GET over a fresh connection from `localAddress`: its status and how long it took (null: no answer in time). */
async function timedGet(port: number, localAddress: string, path: string, limitMs = 5000) {
  const started = performance.now();
  try {
    const socket = await Promise.race([open(port, localAddress), sleep(limitMs).then(() => null)]);
    if (!socket) return { status: null, ms: limitMs };
    socket.on('error', () => undefined);
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.includes('\r\n\r\n')) resolve(text);
      });
      socket.once('close', () => resolve(text));
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    const text = await Promise.race([answer, sleep(limitMs).then(() => '')]);
    socket.destroy();
    const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
    return { status: status ? Number(status) : null, ms: Math.round(performance.now() - started) };
  } catch {
    return { status: null, ms: Math.round(performance.now() - started) };
  }
}

describe('HTTP timeouts and the per-address connection cap', () => {
  const t = startedApp({ env: { REQUEST_TIMEOUT_MS: '2000', CONNECTIONS_PER_ADDRESS: '20' } });
  let port: number;

  beforeAll(async () => {
    port = Number(new URL(t.url).port);
  });

  it('cuts off a body sent a byte at a time once REQUEST_TIMEOUT_MS has passed', async () => {
    const socket = await open(port, '127.0.0.1');
    const head =
      'POST /api/live-blogs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{';
    const ms = await dripUntilClosed(socket, head, 300, 15_000);
    console.log(`slow body (a byte every 300 ms, REQUEST_TIMEOUT_MS 2000): closed after ${ms} ms`);
    expect(ms).toBeLessThan(6000);
  });

  it('cuts off headers sent a byte at a time once the headers timeout has passed', async () => {
    const socket = await open(port, '127.0.0.1');
    const ms = await dripUntilClosed(socket, 'GET / HTTP/1.1\r\nX-Slow: ', 300, 15_000);
    console.log(`slow headers (a byte every 300 ms, headers timeout 2000): closed after ${ms} ms`);
    expect(ms).toBeLessThan(6000);
  });

  it('closes connections from one address beyond CONNECTIONS_PER_ADDRESS, and serves another address', async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, () => open(port, '127.0.0.2')));
    const closed = new Set<Socket>();
    for (const socket of sockets) {
      socket.on('error', () => undefined);
      socket.once('close', () => closed.add(socket));
    }
    await sleep(300);
    const other = await timedGet(port, '127.0.0.3', '/api/live-blogs');
    console.log(
      `30 connections from one address (cap 20): ${30 - closed.size} kept; another address: ${other.status} in ${other.ms} ms`,
    );
    expect(30 - closed.size).toBe(20);
    expect(other.status).toBe(200);
    // Each connection closed at the cap is counted where an operator looks (no log line: a flood would write it).
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^dateline_connections_refused_total\{cap="per_address"\} 10$/m);
    for (const socket of sockets) socket.destroy();
  });
});

describe('the cap on all connections', () => {
  const t = startedApp({ env: { MAX_CONNECTIONS: '8', CONNECTIONS_PER_ADDRESS: '0' } });

  it('closes connections beyond MAX_CONNECTIONS and counts each one', async () => {
    const sockets = await Promise.all(Array.from({ length: 12 }, () => open(Number(new URL(t.url).port), '127.0.0.2')));
    const closed = new Set<Socket>();
    for (const socket of sockets) {
      socket.on('error', () => undefined);
      socket.once('close', () => closed.add(socket));
    }
    await sleep(300);
    const closedByServer = closed.size;
    for (const socket of sockets) socket.destroy();
    await sleep(200);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    const counted = Number(/^dateline_connections_refused_total\{cap="total"\} (\d+)$/m.exec(metrics)?.[1]);
    console.log(`12 connections, MAX_CONNECTIONS 8: ${closedByServer} closed by the server, ${counted} counted`);
    expect(closedByServer).toBeGreaterThanOrEqual(4);
    expect(counted).toBe(closedByServer);
  });
});

/**
 * The property's 2,000 slow connections against a node limited to 1,024 file descriptors (the
 * finding: 1,100 took such a node offline). Below about 600 descriptors the node cannot even start:
 * loading its modules opens several hundred files at once.
 */
describe('a node with few file descriptors and many slow connections from one address', () => {
  const SLOW = 2000;
  let child: ReturnType<typeof spawn> | undefined;
  let dataDir: string;

  afterAll(async () => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps serving another address's reads while one address holds ${SLOW} slow connections`, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dateline-fd-'));
    const port = await freePort();
    child = spawn('prlimit', ['--nofile=1024:1024', process.execPath, MAIN_SCRIPT], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        EVENT_STORE: 'sqlite::memory:',
        AUTH_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
        LOG_LEVEL: 'error',
        SEED: 'false',
      },
      stdio: 'ignore',
    });
    for (const deadline = Date.now() + 60_000; ; await sleep(200)) {
      if ((await timedGet(port, '127.0.0.1', '/health/live', 1000)).status === 200) break;
      if (Date.now() > deadline) throw new Error('the node did not start');
    }
    const slow: Socket[] = [];
    for (let index = 0; index < SLOW; index++) {
      const socket = await open(port, '127.0.0.2').catch(() => null);
      if (!socket) continue;
      socket.on('error', () => undefined);
      socket.write('GET /api/live-blogs HTTP/1.1\r\nHost: localhost\r\n');
      slow.push(socket);
    }
    await sleep(500);
    const kept = slow.filter((socket) => !socket.destroyed && socket.readyState === 'open').length;
    const reads = [];
    for (let index = 0; index < 5; index++) reads.push(await timedGet(port, '127.0.0.3', '/api/live-blogs', 5000));
    console.log(
      `${SLOW} slow connections from one address, 1,024 descriptors: ${kept} kept open; another address's reads:`,
      reads.map((read) => `${read.status} in ${read.ms} ms`).join(', '),
    );
    for (const socket of slow) socket.destroy();
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200, 200]);
    expect(kept).toBeLessThan(SLOW);
  }, 90_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
