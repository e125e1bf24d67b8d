/**
 * P8, the stampede: N readers arriving within a few seconds (a push notification's click-through).
 * On Dateline each reader connects to /live and subscribes with the revision and epoch its page
 * showed, a few updates back, so that the ack carries a catch-up of events; the figure is the p99
 * from opening the socket to that ack, against the p99 from opening a socket to `connect` on a
 * bare Socket.IO server (support/raw-broadcast-server.ts) in the same run. Dateline runs with its
 * default limits, and every refusal (a handshake over SOCKET_CONNECT_RATE_LIMIT, a subscribe over
 * LIVE_REQUESTS_PER_ADDRESS) is counted: the figure's goal holds only with none.
 * The readers come from `--addresses` loopback addresses (127.0.0.2, .3, …; Linux routes all of
 * 127/8 to the loopback), as a click-through comes from many phones, some behind one carrier's NAT.
 *   npm run bench:stampede -- [--quick] [--json <file>] [--readers 5000] [--seconds 10]
 *     [--processes 4] [--addresses 50] [--missed 5] [--cpu-prof-dir <dir>]
 * Processes: this one posts and measures; a server; `--processes` processes holding the readers.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectLive, subscribe } from '../packages/client/src/follower.js';
import { FIGURE_OPTIONS, reportFigures } from './support/figure.js';
import {
  cleanUpOnExit,
  now,
  percentile,
  post,
  request,
  round,
  type Server,
  sleep,
  startClient,
  startServer,
  stop,
  STORY,
  type Target,
} from './support/push-harness.js';
import type { StampedeOutcome, StampedePlan } from './support/stampede-readers.js';

const { values } = parseArgs({
  options: {
    ...FIGURE_OPTIONS,
    readers: { type: 'string' },
    seconds: { type: 'string' },
    processes: { type: 'string', default: '4' },
    addresses: { type: 'string', default: '50' },
    missed: { type: 'string', default: '5' },
    'cpu-prof-dir': { type: 'string' },
  },
});
/** Time to let the processes start and the plan reach them before the first arrival. */
const LEAD_MS = 1000;
const TIMEOUT_MS = 60_000;
const cpuMs = ({ cpu }: { cpu: NodeJS.CpuUsage }) => (cpu.user + cpu.system) / 1000;

cleanUpOnExit();
await main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => (console.error(error), process.exit(1)),
);

async function main(): Promise<boolean> {
  const plan = {
    readers: Number(values.readers ?? (values.quick ? 1000 : 5000)),
    seconds: Number(values.seconds ?? (values.quick ? 5 : 10)),
    processes: Number(values.processes),
    addresses: Number(values.addresses),
    missed: Number(values.missed),
  };
  if (!Object.values(plan).every((value) => Number.isInteger(value) && value > 0) || plan.addresses > 250)
    throw new Error('--readers, --seconds, --processes and --missed take whole numbers; --addresses 1 to 250');
  console.log(
    `P8: ${plan.readers} readers arriving over ${plan.seconds} s from ${plan.addresses} addresses, ` +
      `${plan.processes} processes; Dateline's readers resume ${plan.missed} updates back`,
  );
  const dateline = await measure('dateline', plan);
  const raw = await measure('raw', plan);
  for (const [target, run] of [
    ['dateline', dateline],
    ['raw', raw],
  ] as const) {
    console.log(
      `  ${target.padEnd(8)} p50/p99 ${run.p50}/${run.p99} ms over ${run.read} readers; ` +
        `server CPU ${run.serverCpuMsPerReader} ms a reader; refused: ${describe(run.refused)}; ` +
        `caught up with events ${run.caughtUpWithEvents} (${run.eventsReplayed} events), article ${run.caughtUpWithArticle}`,
    );
  }
  const refusals = Object.values(dateline.refused).reduce((sum, count) => sum + count, 0);
  const ok = refusals === 0 && dateline.read === plan.readers && raw.read === plan.readers;
  reportFigures(values.json, {
    figure: 'P8',
    title:
      `${plan.readers.toLocaleString('en')} readers arriving within ${plan.seconds} s: connect + subscribe + ` +
      'catch-up p99, vs bare Socket.IO’s connect p99',
    store: 'sqlite',
    value: dateline.p99,
    baseline: raw.p99,
    unit: 'ms',
    ratio: round(dateline.p99 / raw.p99, 3),
    goal: { op: '<=', ratio: 1.3, text: '≤ 1.3× bare Socket.IO, none refused' },
    extra: { ...plan, dateline, raw },
  });
  if (!ok) console.error('some readers were refused or did not get in: the figure does not count');
  return ok;
}

type Plan = { readers: number; seconds: number; processes: number; addresses: number; missed: number };

async function measure(target: Target, plan: Plan) {
  const profile = values['cpu-prof-dir'] && join(values['cpu-prof-dir'], `${target}-stampede`);
  const server = await startServer(target, { cpuProfDir: profile, defaultLimits: true });
  const resume = target === 'dateline' ? await resumePoint(server, plan.missed) : undefined;
  const clients = Array.from({ length: plan.processes }, () => startClient('./stampede-readers.js'));
  const startAt = now() + LEAD_MS;
  const windowMs = plan.seconds * 1000;
  const cpuBefore = await request(server, 'cpu');
  const outcomes = await Promise.all(
    clients.map((client, index) => {
      const arrivals = [];
      for (let reader = index; reader < plan.readers; reader += plan.processes)
        arrivals.push({
          atMs: (reader * windowMs) / plan.readers,
          address: `127.0.0.${2 + (reader % plan.addresses)}`,
        });
      const message: StampedePlan = { url: server.url, startAt, arrivals, resume, timeoutMs: TIMEOUT_MS };
      return request<StampedeOutcome | { failed: string }>(client, message);
    }),
  );
  const cpuAfter = await request(server, 'cpu');
  await Promise.all(clients.map(stop));
  await stop(server);
  const failed = outcomes.find((outcome): outcome is { failed: string } => 'failed' in outcome);
  if (failed) throw new Error(`readers: ${failed.failed}`);
  return summarise(outcomes as StampedeOutcome[], (cpuMs(cpuAfter) - cpuMs(cpuBefore)) / plan.readers);
}

/** Where a reader whose page is `missed` updates old resumes: the story's revision then, and the store's epoch. */
async function resumePoint(server: Server, missed: number) {
  const socket = connectLive(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  const ack = await subscribe(socket, { liveBlogId: STORY }, TIMEOUT_MS);
  socket.close();
  if (!ack.ok) throw new Error(`subscribe: ${ack.error.code} ${ack.error.message}`);
  for (let index = 0; index < missed; index++) await post('dateline', server.url, index);
  await sleep(200);
  return { liveBlogId: STORY, afterRevision: ack.revision, epoch: ack.epoch };
}

function summarise(outcomes: StampedeOutcome[], serverCpuMsPerReader: number) {
  const latencies = Float64Array.from(outcomes.flatMap((outcome) => [...outcome.latencies])).sort();
  const sum = (pick: (outcome: StampedeOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  const refused: Record<string, number> = {
    connectRefused: sum((o) => o.connectRefused),
    connectFailed: sum((o) => o.connectFailed),
    disconnected: sum((o) => o.disconnected),
  };
  for (const outcome of outcomes)
    for (const [code, count] of Object.entries(outcome.subscribeRefused))
      refused[`subscribe ${code}`] = (refused[`subscribe ${code}`] ?? 0) + count;
  return {
    read: latencies.length,
    p50: round(percentile(latencies, 0.5), 1),
    p99: round(percentile(latencies, 0.99), 1),
    max: round(percentile(latencies, 1), 1),
    refused,
    caughtUpWithEvents: sum((o) => o.caughtUpWithEvents),
    caughtUpWithArticle: sum((o) => o.caughtUpWithArticle),
    eventsReplayed: sum((o) => o.eventsReplayed),
    serverCpuMsPerReader: round(serverCpuMsPerReader),
  };
}

function describe(refused: Record<string, number>): string {
  const found = Object.entries(refused).filter(([, count]) => count > 0);
  return found.map(([name, count]) => `${count} ${name}`).join(', ') || 'none';
}
