// The readers of test/faults/reconnect-storm.spec.ts, in a process of their own (the server under
// test and the test's editor run elsewhere): N Socket.IO clients, each following one story with the
// documented client (LiveBlogFollower, as the @dateline/client package ships it), reconnecting by itself with
// its default backoff. Each notes what it applied, what it was pushed and when it came back, and the
// process reports over IPC. Plain JavaScript: a forked process runs without the tests' TypeScript
// transform, so it loads the built client.

const { connectLive, LiveBlogFollower } = await import('@dateline/client');

/** @type {StormReader[]} */
const readers = [];
/** Per revision, the first reader's view of the event; every other reader must have the same. */
const canonical = new Map();
/** `${revision}:${updateId}` for each update body a catch-up ack carried, and each update an article showed. */
const servedAt = { catchUp: new Set(), article: new Set() };
let mismatches = 0;

class StormReader {
  constructor(url, liveBlogId) {
    this.applied = [];
    this.held = undefined;
    this.gaps = 0;
    this.duplicates = 0;
    this.outOfOrder = 0;
    this.retracted = new Set();
    this.retractedBodies = 0;
    this.acks = { fresh: 0, recovered: 0, redrawn: 0, refused: 0 };
    this.connects = 0;
    this.disconnectedAt = undefined;
    this.heldAtDisconnect = undefined;
    this.firstRetryMs = undefined;
    this.resumedAt = undefined;
    this.resumedWith = undefined;
    this.socket = connectLive(url, { transports: ['websocket'], forceNew: true, timeout: 20_000 });
    // Before the follower's own listener: sees each push with the revision held before it.
    this.socket.on('event', (event) => this.pushed(event));
    this.socket.on('connect', () => {
      this.connects++;
      if (this.connects === 2) this.resumedWith = this.follower.revision;
    });
    this.socket.on('disconnect', () => {
      if (this.disconnectedAt !== undefined) return;
      this.disconnectedAt = Date.now();
      this.heldAtDisconnect = this.follower.revision;
    });
    this.socket.io.on('reconnect_attempt', () => {
      if (this.disconnectedAt !== undefined) this.firstRetryMs ??= Date.now() - this.disconnectedAt;
    });
    this.follower = new LiveBlogFollower(this.socket, liveBlogId, {
      onEvent: (event) => this.onEvent(event),
      onAck: (ack) => this.onAck(ack),
    });
  }

  pushed(event) {
    const held = this.follower.revision;
    if (held === undefined) return;
    if (event.revision <= held) this.duplicates++;
    else if (event.revision > held + 1) this.outOfOrder++;
  }

  onEvent(event) {
    if (this.held !== undefined && event.revision !== this.held + 1) this.gaps++;
    this.held = event.revision;
    this.applied.push(event.revision);
    const { type, data } = event;
    const digest = JSON.stringify([type, data]);
    const first = canonical.get(event.revision);
    if (first === undefined) canonical.set(event.revision, digest);
    else if (first !== digest) mismatches++;
    if (type === 'UpdateRetracted') this.retracted.add(data.updateId);
    else if (typeof data.body === 'string' && this.retracted.has(data.updateId)) this.retractedBodies++;
  }

  onAck(ack) {
    if (!ack.ok) return void this.acks.refused++;
    const resuming = this.connects > 1;
    if ('events' in ack) {
      this.acks.recovered++;
      for (const event of ack.events) {
        if (typeof event.data.body === 'string') servedAt.catchUp.add(`${ack.revision}:${event.data.updateId}`);
      }
    } else {
      this.acks[this.held === undefined ? 'fresh' : 'redrawn']++;
      this.held = ack.revision;
      this.applied.push(-1 - ack.revision);
      for (const update of ack.article.updates) {
        servedAt.article.add(`${ack.revision}:${update.updateId}`);
        if (this.retracted.has(update.updateId)) this.retractedBodies++;
      }
    }
    if (resuming && this.resumedAt === undefined) this.resumedAt = Date.now();
  }
}

const reply = (message) => process.send(message);

process.on('message', (message) => {
  const work = message.type === 'connect' ? connect(message) : message.type === 'status' ? status() : report(message);
  work.catch((error) => reply({ type: 'failed', message: error instanceof Error ? error.stack : String(error) }));
});

/** Opens the readers a batch at a time (each waits for its first ack), as pages load over a minute. */
async function connect({ url, liveBlogId, count, batch }) {
  for (let start = 0; start < count; start += batch) {
    const opened = Array.from({ length: Math.min(batch, count - start) }, () => new StormReader(url, liveBlogId));
    readers.push(...opened);
    await until(() => opened.every((reader) => reader.acks.fresh + reader.acks.refused > 0), 60_000);
  }
  reply({ type: 'connected', readers: readers.length, refused: readers.filter((r) => r.acks.refused > 0).length });
}

async function status() {
  reply({
    type: 'status',
    connected: readers.filter((reader) => reader.socket.connected).length,
    resumed: readers.filter((reader) => reader.resumedAt !== undefined).length,
    // For a failing run's message: how the first readers still away stand.
    away: readers
      .filter((reader) => reader.resumedAt === undefined)
      .slice(0, 3)
      .map(({ socket, connects, acks, follower, firstRetryMs }) => ({
        connected: socket.connected,
        connects,
        acks,
        revision: follower.revision,
        firstRetryMs,
      })),
  });
}

/** Once every reader holds the head revision (or the time is up), what each applied and saw. */
async function report({ head, timeoutMs }) {
  await until(() => readers.every((reader) => reader.follower.revision >= head), timeoutMs).catch(() => undefined);
  reply({
    type: 'report',
    readers: readers.map((reader) => ({
      revision: reader.follower.revision,
      applied: Int32Array.from(reader.applied),
      gaps: reader.gaps,
      duplicates: reader.duplicates,
      outOfOrder: reader.outOfOrder,
      retractedBodies: reader.retractedBodies,
      acks: reader.acks,
      connects: reader.connects,
      heldAtDisconnect: reader.heldAtDisconnect,
      resumedWith: reader.resumedWith,
      firstRetryMs: reader.firstRetryMs,
      disconnectedAt: reader.disconnectedAt,
      resumedAt: reader.resumedAt,
    })),
    canonical: Object.fromEntries(canonical),
    mismatches,
    servedAt: { catchUp: [...servedAt.catchUp], article: [...servedAt.article] },
  });
  for (const reader of readers) reader.socket.disconnect();
}

function until(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error('timed out'));
      setTimeout(check, 50);
    };
    check();
  });
}
