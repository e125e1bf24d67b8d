import fc from 'fast-check';
import type { Checkpoint } from '../../src/event-store/event-store.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const HTTP_RUNS = Number(process.env.HOSTILE_RUNS ?? 10_000);
const SOCKET_RUNS = 1_500;
const CONCURRENCY = 16;

/** Text no field should ever hold, and text every field must survive. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '\u202e', '\u200b', '\ufeff', '<script>x</script>', '//evil.example'),
  fc.constantFrom('x'.repeat(70_000), 'é'.repeat(3000), '__proto__', 'constructor', ''),
);
const nastyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0.5, 1e308, -0, 2 ** 53 + 2));
const nastyDate = fc.constantFrom('2010-02-30T10:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', '');
const deep = fc.integer({ min: 1, max: 4000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)));
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  nastyNumber,
  nastyDate,
  fc.constantFrom(null, true, false, [], {}),
  deep,
  fc.jsonValue({ maxDepth: 4 }),
);

const FIELDS = [
  'kind',
  'body',
  'title',
  'summary',
  'reason',
  'fields',
  'reference',
  'at',
  'updateId',
  'media',
  'dead',
  'injured',
  'source',
  'period',
  'text',
  'status',
  'coordinates',
  'byline',
  'occurredAt',
  'id',
  'entryId',
  '__proto__',
  'constructor',
  'prototype',
  'colour',
];
const VALID: Record<string, unknown> = {
  kind: 'report',
  body: 'Gunfire.',
  title: 'T',
  reason: 'R',
  fields: ['body'],
  reference: 'Order 1',
  source: 'S',
  period: 'P',
  text: 'T',
  status: 'S',
  summary: 'S',
  dead: { count: 1, qualifier: 'exact' },
};

/** A valid-looking body with some fields replaced by hostile values, or hostile JSON as a whole. */
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), nastyValue, { maxKeys: 5 }).map((fields) => ({ ...VALID, ...fields })),
  fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), nastyValue, { maxKeys: 4 }),
  nastyValue,
  fc.constant({ kind: 'report', body: 'x', media: { url: 'https://a.example/"><x>' } }),
);
const rawBody = fc.oneof(
  body.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom('{"kind": ', '{"__proto__": {"polluted": 1}, "kind": "report", "body": "x"}', 'null', '"x"', '{}'),
  fc.integer({ min: 1, max: 5000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);
const visibleAscii = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const headerText = fc.string({ unit: visibleAscii, maxLength: 300 });
const headers = fc.record(
  {
    'If-Match': fc.oneof(headerText, fc.constantFrom('"0"', '"1"', 'W/"2"', '*', '"-5"', '"1.5"')),
    'Idempotency-Key': fc.oneof(headerText, fc.constantFrom('k', 'x'.repeat(201))),
    'Content-Type': fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 8 },
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        'application/xml',
        'garbage',
      ),
    ),
    'X-Correlation-Id': headerText,
  },
  { requiredKeys: ['Content-Type'] },
);
const ROUTES = [
  'post /',
  'post /:id/updates',
  'post /:id/updates/:u/corrections',
  'post /:id/updates/:u/retraction',
  'post /:id/updates/:u/redaction',
  'put /:id/updates/:u/pin',
  'delete /:id/updates/:u/pin',
  'put /:id/headline',
  'put /:id/summary',
  'post /:id/casualty-figures',
  'post /:id/timeline',
  'put /:id/locations/:place',
  'post /:id/close',
];
const pathPart = fc.oneof(
  fc.constantFrom('u1', 'nope', '%ED%A0%80', '..', '%00', 'x'.repeat(300)),
  headerText.map(encodeURIComponent),
);

describe('hostile input', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let blog = 'hostile-0';
  let blogs = 0;
  let after: Checkpoint | undefined;

  beforeAll(async () => {
    t = await startApp({ env: { WRITE_RATE_LIMIT: '0', READ_RATE_LIMIT: '0' } });
    editor = bearer(t.token('editor'));
    await openBlog();
  });
  afterAll(() => t.close());

  /** A fresh story to probe, with one update, when the last one was closed by a valid close. */
  async function openBlog() {
    blog = `hostile-${++blogs}`;
    await givenLiveBlog(t, { id: blog, title: 'Probe' }, { headers: editor });
    const update = { updateId: 'u1', kind: 'report', body: 'x' };
    await t.http.post(`/api/live-blogs/${blog}/updates`).set(editor).send(update).expect(201);
    after = await lastCheckpoint(after);
  }

  async function lastCheckpoint(from: Checkpoint | undefined): Promise<Checkpoint | undefined> {
    const events = await t.store.readAll({ after: from, maxCount: 1000 });
    return events.at(-1)?.checkpoint ?? from;
  }

  /**
   * The requests are generated by fast-check and sent by several editors at once, each its own
   * author: an event is pinned to the request that wrote it by its author, so a refused request
   * that wrote anything is caught even while others run.
   */
  it(`answers ${HTTP_RUNS} malformed write requests without a 5xx, and a refused one writes nothing`, async () => {
    const counts = { tried: 0, fiveHundreds: 0, refusedThatWrote: 0, byStatus: {} as Record<number, number> };
    const failures: string[] = [];
    const written = new Map<string, number>();
    const readOnce = async () => {
      for (const event of await t.store.readAll({ after, maxCount: 10_000 })) {
        const author = (event.metadata as { author?: { id?: string } }).author?.id ?? '';
        written.set(author, (written.get(author) ?? 0) + 1);
        after = event.checkpoint;
        if (event.type === 'LiveBlogClosed') await openBlog();
      }
    };
    // One reader of the store at a time, so that no event is counted twice.
    let reading = Promise.resolve();
    const readNew = () => (reading = reading.then(readOnce));
    const request = fc.record({
      route: fc.constantFrom(...ROUTES),
      body: rawBody,
      headers,
      id: pathPart,
      part: pathPart,
    });
    const requests = fc.sample(request, { numRuns: HTTP_RUNS, seed: 20100408 });
    const slot = async (index: number) => {
      const author = `probe-${index}`;
      const token = bearer(t.token('editor', author));
      // The same author as an admin, for the one route only admins may use (the redaction).
      const adminToken = bearer(t.token('admin', author));
      for (let next = index; next < requests.length; next += CONCURRENCY) {
        const { route, body: raw, headers: sent, id, part } = requests[next]!;
        const [method, template] = route.split(' ') as ['post' | 'put' | 'delete', string];
        const ownBlog = id.length % 4 !== 0;
        const path = `/api/live-blogs${template === '/' ? '' : template}`
          .replace(':id', ownBlog ? blog : id)
          .replace(':u', ownBlog ? 'u1' : part)
          .replace(':place', part);
        // Only this slot writes as this author, and it read the store after its last request.
        const before = written.get(author) ?? 0;
        const auth = route.endsWith('/redaction') ? adminToken : token;
        const response = await t.http[method](path).set(auth).set(sent).send(raw);
        await readNew();
        counts.tried++;
        counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
        const request = `${response.status} ${method} ${path.slice(0, 80)} ${JSON.stringify(sent)} ${raw.slice(0, 99)}`;
        if (response.status >= 500) failures.push(request);
        if (response.status >= 500) counts.fiveHundreds++;
        if (response.status >= 300 && (written.get(author) ?? 0) > before) {
          counts.refusedThatWrote++;
          failures.push(`wrote: ${request}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => slot(index)));
    console.log(
      `hostile HTTP: ${counts.tried} requests, ${counts.fiveHundreds} answered 5xx, ` +
        `${counts.refusedThatWrote} refused ones wrote events; by status ${JSON.stringify(counts.byStatus)}`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(counts.tried).toBe(HTTP_RUNS);
    await t.http.get(`/api/live-blogs/${blog}`).expect(200);
  }, 180_000);

  it(`answers ${SOCKET_RUNS} malformed socket messages with an error ack, and keeps serving`, async () => {
    let reader: Reader = await connectReader(t.url);
    const counts = { tried: 0, acked: 0, cutOff: 0 };
    const keys = fc.constantFrom('liveBlogId', 'afterRevision', 'epoch', '__proto__', 'constructor', 'extra');
    const payload = fc.oneof(nastyValue, fc.dictionary(keys, nastyValue, { maxKeys: 4 }));
    const before = await lastCheckpoint(after);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('subscribe', 'unsubscribe'), payload, async (name, sent) => {
        counts.tried++;
        if (!reader.socket.connected) {
          counts.cutOff++;
          reader = await connectReader(t.url);
        }
        const socket = reader.socket.timeout(2000);
        const ack = await socket.emitWithAck(name as 'subscribe', sent as never).catch(() => undefined);
        if (ack) counts.acked++;
        // No ack only when the server cut the socket off for a message over its size limit.
        if (ack === undefined) return !reader.socket.connected || JSON.stringify(sent ?? '').length > 16_000;
        return typeof ack.ok === 'boolean';
      }),
      { numRuns: SOCKET_RUNS, endOnFailure: true },
    );
    reader.close();
    const { tried, acked, cutOff } = counts;
    console.log(`hostile socket: ${tried} messages, ${acked} acked, ${cutOff} sockets cut off for size`);
    expect(await lastCheckpoint(before)).toBe(before);
    const healthy = await connectReader(t.url);
    const ack = await healthy.subscribe(blog);
    healthy.close();
    expect(ack.ok).toBe(true);
  }, 120_000);
});
