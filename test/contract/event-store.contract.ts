import { firstValueFrom, lastValueFrom, tap, take, timeout, toArray, type Observable } from 'rxjs';
import { DuplicateEventId, InvalidCheckpoint, WrongExpectedRevision } from '../../src/event-store/errors.js';
import {
  compareCheckpoints,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type EventToAppend,
  type OpenOptions,
  type RecordedEvent,
} from '../../src/event-store/event-store.js';

const A = 'liveblog-alpha';
const B = 'liveblog-bravo';

function event(eventId: string): EventToAppend {
  return { eventId, type: 'UpdatePosted', data: { body: `body of ${eventId}`, n: 1 }, metadata: { actor: 'editor-1' } };
}

function batch(prefix: string, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => event(`${prefix}-${index}`));
}

const ids = (events: readonly RecordedEvent[]) => events.map((e) => e.eventId);
const revisions = (events: readonly RecordedEvent[]) => events.map((e) => e.revision);
const positions = (events: readonly RecordedEvent[]) => events.map((e) => e.position);
const checkpoints = (events: readonly RecordedEvent[]) => events.map((e) => e.checkpoint);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The rejection of a promise that must reject; a fulfilled promise fails the test. */
function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** The first `count` values, or a timeout error, so a missing event fails the test instead of hanging it. */
function collect<T>(source: Observable<T>, count: number, ms = 5000): Promise<T[]> {
  return firstValueFrom(source.pipe(take(count), toArray(), timeout({ first: ms })));
}

async function waitUntil(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

function expectStrictlyIncreasing(values: readonly number[]): void {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]));
}

/** Feed order is plain string order: no adapter-specific comparison needed. */
function expectCheckpointsIncreasing(values: readonly Checkpoint[]): void {
  values.slice(1).forEach((value, index) => {
    expect(value > values[index]).toBe(true);
    expect(compareCheckpoints(values[index], value)).toBe(-1);
  });
}

/** Not a checkpoint for any adapter: every one of them must refuse these. */
const GARBAGE = ['', 'not-a-checkpoint', '-1', '1e3', 'x'.repeat(16), ' 0000000000000001'] as Checkpoint[];

/**
 * The behaviour every EventStore adapter keeps. `open` must give a new, empty store each call;
 * `reopen`, when the adapter persists, opens again the store that `open` gave last.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  reopen?: (options?: OpenOptions) => Promise<EventStore>,
): void {
  describe(`${name} keeps the EventStore contract`, () => {
    const opened: EventStore[] = [];
    const track = (store: EventStore) => (opened.push(store), store);
    const fresh = async () => track(await open());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    /**
     * The refusal, and nothing written: the stream as it was. Read from the stream, not the feed: on
     * PostgreSQL the feed holds back what commits behind any older transaction on the cluster (another
     * test file's deliberately open one, say), so the feed read before could lack an event that the
     * feed read after has, and the test would fail for another's transaction, about 2 runs in 3 with two workers.
     */
    async function expectConflict(store: EventStore, attempt: Promise<unknown>, expected: unknown, actual: number) {
      const before = await store.readStream(A);
      const error = await failure(attempt);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ stream: A, expected, actual });
      expect(await store.readStream(A)).toEqual(before);
      expect(await store.streamRevision(A)).toBe(actual);
    }

    describe('expected revision', () => {
      it("'any' appends to a new stream and to an existing one", async () => {
        const store = await fresh();
        expect(await store.append(A, [event('e1')], { expectedRevision: 'any' })).toMatchObject({ nextRevision: 1 });
        expect(await store.append(A, [event('e2')], { expectedRevision: 'any' })).toMatchObject({ nextRevision: 2 });
        expect(revisions(await store.readStream(A))).toEqual([0, 1]);
      });

      it("'no_stream' appends to a new stream", async () => {
        const store = await fresh();
        expect(await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' })).toMatchObject({
          nextRevision: 2,
        });
        expect(ids(await store.readStream(A))).toEqual(['e-0', 'e-1']);
      });

      it("'no_stream' on an existing stream throws and writes nothing", async () => {
        const store = await fresh();
        await store.append(A, [event('e1')], { expectedRevision: 'any' });
        await expectConflict(store, store.append(A, [event('e2')], { expectedRevision: 'no_stream' }), 'no_stream', 0);
        expect(await store.readEvent('e2')).toBeNull();
      });

      it("'stream_exists' on a missing stream throws and writes nothing", async () => {
        const store = await fresh();
        await expectConflict(
          store,
          store.append(A, [event('e1')], { expectedRevision: 'stream_exists' }),
          'stream_exists',
          -1,
        );
        expect(await store.readStream(A)).toEqual([]);
        expect(await store.streamRevision(A)).toBe(-1);
      });

      it("'stream_exists' appends to an existing stream", async () => {
        const store = await fresh();
        await store.append(A, [event('e1')], { expectedRevision: 'no_stream' });
        expect(await store.append(A, [event('e2')], { expectedRevision: 'stream_exists' })).toMatchObject({
          nextRevision: 2,
        });
      });

      it('an exact revision equal to the last one appends', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        expect(await store.append(A, [event('e3')], { expectedRevision: 1 })).toMatchObject({ nextRevision: 3 });
        expect(revisions(await store.readStream(A))).toEqual([0, 1, 2]);
      });

      it('a stale or future exact revision throws with the actual one and writes nothing', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        await expectConflict(store, store.append(A, [event('stale')], { expectedRevision: 0 }), 0, 1);
        await expectConflict(store, store.append(A, [event('ahead')], { expectedRevision: 5 }), 5, 1);
        expect(await store.streamRevision(A)).toBe(1);
      });

      it('an exact revision on a missing stream throws with actual -1', async () => {
        const store = await fresh();
        await expectConflict(store, store.append(A, [event('e1')], { expectedRevision: 0 }), 0, -1);
      });

      it('an empty batch checks the expectation, writes nothing and reports the stream as it is', async () => {
        const store = await fresh();
        const nothing = await store.append(A, [], { expectedRevision: 'no_stream' });
        expect(nothing).toEqual({ nextRevision: 0, position: 0, checkpoint: expect.stringMatching(/^[0-]*0$/) });
        const written = await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        expect(compareCheckpoints(nothing.checkpoint, written.checkpoint)).toBe(-1);
        expect(await store.append(A, [], { expectedRevision: 1 })).toEqual(written);
        await expectConflict(store, store.append(A, [], { expectedRevision: 'no_stream' }), 'no_stream', 1);
        expect(await store.readStream(A)).toHaveLength(2);
      });
    });

    describe('atomicity and idempotency', () => {
      it('a batch whose second event id is stored in another stream writes none of the batch', async () => {
        const store = await fresh();
        await store.append(B, [event('taken')], { expectedRevision: 'any' });
        const error = await failure(
          store.append(A, [event('n1'), event('taken'), event('n2')], { expectedRevision: 'any' }),
        );
        expect(error).toBeInstanceOf(DuplicateEventId);
        expect(error).toMatchObject({ eventId: 'taken' });
        expect(await store.readStream(A)).toEqual([]);
        expect(await store.readEvent('n1')).toBeNull();
        expect(ids(await store.readAll())).toEqual(['taken']);
      });

      it('a batch that repeats an id within itself writes nothing', async () => {
        const store = await fresh();
        const error = await failure(store.append(A, [event('n1'), event('n1')], { expectedRevision: 'any' }));
        expect(error).toBeInstanceOf(DuplicateEventId);
        expect(await store.readAll()).toEqual([]);
      });

      it('re-appending a stored batch returns the original result, even when the expectation now conflicts', async () => {
        const store = await fresh();
        const original = await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        await store.append(A, [event('later')], { expectedRevision: 1 });
        expect(await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' })).toEqual(original);
        expect(await store.append(A, batch('e', 2), { expectedRevision: 0 })).toEqual(original);
        expect(await store.append(A, batch('e', 2), { expectedRevision: 'any' })).toEqual(original);
        expect(ids(await store.readAll())).toEqual(['e-0', 'e-1', 'later']);
      });

      it('a batch whose ids are only partly stored throws DuplicateEventId and writes nothing', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        const error = await failure(store.append(A, [event('e-0'), event('fresh')], { expectedRevision: 'any' }));
        expect(error).toBeInstanceOf(DuplicateEventId);
        expect(await store.readEvent('fresh')).toBeNull();
        expect(await store.readAll()).toHaveLength(2);
      });

      // Stores may commit concurrent appends together (group commit): each must still get its own answer.
      it('appends made at once each keep their own expectation and idempotency; refused ones write nothing', async () => {
        const store = await fresh();
        await store.append(A, [event('a0')], { expectedRevision: 'no_stream' });
        const [rivalOne, rivalTwo, first, retry, taken, anyRevision] = await Promise.allSettled([
          store.append(A, [event('rival-1')], { expectedRevision: 0 }),
          store.append(A, [event('rival-2')], { expectedRevision: 0 }),
          store.append(B, batch('b', 2), { expectedRevision: 'no_stream' }),
          store.append(B, batch('b', 2), { expectedRevision: 'no_stream' }),
          store.append(B, [event('a0')], { expectedRevision: 'any' }),
          store.append(A, [event('a-any')], { expectedRevision: 'any' }),
        ]);
        const rivals = [rivalOne, rivalTwo];
        expect(rivals.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const lost = rivals.find((outcome) => outcome.status === 'rejected');
        expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(WrongExpectedRevision);
        expect(first.status === 'fulfilled' && retry.status === 'fulfilled').toBe(true);
        expect(first.status === 'fulfilled' && first.value).toEqual(retry.status === 'fulfilled' && retry.value);
        expect(taken.status === 'rejected' && taken.reason).toBeInstanceOf(DuplicateEventId);
        expect(anyRevision.status).toBe('fulfilled');
        expect(revisions(await store.readStream(A))).toEqual([0, 1, 2]);
        expect(ids(await store.readStream(B))).toEqual(['b-0', 'b-1']);
        const written = ids(await store.readAll());
        expect(written).toHaveLength(5);
        expect(written).toContain(rivalOne.status === 'fulfilled' ? 'rival-1' : 'rival-2');
        expect(written).not.toContain(rivalOne.status === 'fulfilled' ? 'rival-2' : 'rival-1');
      });

      it('stored ids appended to another stream throw DuplicateEventId and write nothing', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
        const error = await failure(store.append(B, batch('e', 2), { expectedRevision: 'any' }));
        expect(error).toBeInstanceOf(DuplicateEventId);
        expect(error).toMatchObject({ eventId: 'e-0' });
        expect(await store.readStream(B)).toEqual([]);
      });
    });

    describe('reading', () => {
      it('records what was appended, with its place and commit instant', async () => {
        const store = await fresh();
        const before = Date.now();
        const result = await store.append(A, [event('e1')], { expectedRevision: 'any' });
        const [recorded] = await store.readStream(A);
        expect(recorded).toEqual({
          ...event('e1'),
          stream: A,
          revision: 0,
          position: result.position,
          checkpoint: result.checkpoint,
          recordedAt: expect.any(String),
        });
        expect(new Date(recorded.recordedAt).toISOString()).toBe(recorded.recordedAt);
        expect(Date.parse(recorded.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(recorded.recordedAt)).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('keeps revisions 0-based and contiguous per stream and positions strictly increasing overall', async () => {
        const store = await fresh();
        const results: AppendResult[] = [];
        results.push(await store.append(A, batch('a1', 2), { expectedRevision: 'no_stream' }));
        results.push(await store.append(B, batch('b1', 3), { expectedRevision: 'no_stream' }));
        results.push(await store.append(A, batch('a2', 2), { expectedRevision: 1 }));
        expect(revisions(await store.readStream(A))).toEqual([0, 1, 2, 3]);
        expect(revisions(await store.readStream(B))).toEqual([0, 1, 2]);
        const all = await store.readAll();
        expectStrictlyIncreasing(positions(all));
        expect(results.map((r) => r.position)).toEqual([all[1].position, all[4].position, all[6].position]);
        expect(results.map((r) => r.checkpoint)).toEqual([all[1].checkpoint, all[4].checkpoint, all[6].checkpoint]);
        expect(results.map((r) => r.nextRevision)).toEqual([2, 3, 4]);
        positions(all).forEach((position) => expect(Number.isSafeInteger(position)).toBe(true));
      });

      it('reads a stream forwards, backwards, from a revision and up to a count', async () => {
        const store = await fresh();
        for (let i = 0; i < 5; i++) {
          await store.append(A, [event(`a${i}`)], { expectedRevision: 'any' });
          await store.append(B, [event(`b${i}`)], { expectedRevision: 'any' });
        }
        const read = async (options: Parameters<EventStore['readStream']>[1]) =>
          revisions(await store.readStream(A, options));
        expect(ids(await store.readStream(A))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
        expect(await read({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await read({ maxCount: 2 })).toEqual([0, 1]);
        expect(await read({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await read({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await read({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
        expect(await read({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
        expect(await read({ fromRevision: 9 })).toEqual([]);
      });

      it('reads an unknown stream as empty', async () => {
        const store = await fresh();
        await store.append(A, [event('e1')], { expectedRevision: 'any' });
        expect(await store.readStream('liveblog-unknown')).toEqual([]);
        expect(await store.readStream('liveblog-unknown', { direction: 'backwards' })).toEqual([]);
      });

      it('gives each event a checkpoint that strictly increases in feed order as a string', async () => {
        const store = await fresh();
        for (let i = 0; i < 12; i++) {
          await store.append(i % 3 ? A : B, batch(`c${i}`, 1 + (i % 2)), { expectedRevision: 'any' });
        }
        const all = await store.readAll();
        expect(all).toHaveLength(18);
        expectCheckpointsIncreasing(checkpoints(all));
        expect([...checkpoints(all)].sort()).toEqual(checkpoints(all));
        expect(new Set(positions(all)).size).toBe(18);
        for (const recorded of all) expect(await store.readEvent(recorded.eventId)).toEqual(recorded);
      });

      it('reads all streams in feed order, after an exclusive checkpoint, up to a count', async () => {
        const store = await fresh();
        await store.append(A, [event('1')], { expectedRevision: 'any' });
        await store.append(B, batch('2', 2), { expectedRevision: 'any' });
        await store.append(A, [event('3')], { expectedRevision: 'any' });
        const all = await store.readAll();
        expect(ids(all)).toEqual(['1', '2-0', '2-1', '3']);
        expect(all.map((e) => e.stream)).toEqual([A, B, B, A]);
        expect(await store.readAll({ after: all[1].checkpoint })).toEqual(all.slice(2));
        expect(await store.readAll({ maxCount: 2 })).toEqual(all.slice(0, 2));
        expect(await store.readAll({ after: all[0].checkpoint, maxCount: 2 })).toEqual(all.slice(1, 3));
        expect(await store.readAll({ after: all[3].checkpoint })).toEqual([]);
      });

      it('reads from the start after the checkpoint an empty batch gives on a missing stream', async () => {
        const store = await fresh();
        const { checkpoint: start } = await store.append(A, [], { expectedRevision: 'any' });
        await store.append(B, batch('b', 2), { expectedRevision: 'any' });
        expect(ids(await store.readAll({ after: start }))).toEqual(['b-0', 'b-1']);
      });

      it('refuses a checkpoint it did not make with InvalidCheckpoint', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 2), { expectedRevision: 'any' });
        for (const garbage of GARBAGE) {
          const error = await failure(store.readAll({ after: garbage }));
          expect(error).toBeInstanceOf(InvalidCheckpoint);
          expect(error).toMatchObject({ checkpoint: garbage });
          expect(() => store.subscribeToAll({ after: garbage })).toThrow(InvalidCheckpoint);
        }
      });

      it('reads one event by id, wherever it is', async () => {
        const store = await fresh();
        await store.append(A, [event('e1')], { expectedRevision: 'any' });
        await store.append(B, batch('b', 2), { expectedRevision: 'any' });
        const all = await store.readAll();
        expect(await store.readEvent('b-1')).toEqual(all[2]);
        expect(await store.readEvent('missing')).toBeNull();
      });

      it("reports a stream's last revision, or -1", async () => {
        const store = await fresh();
        expect(await store.streamRevision(A)).toBe(-1);
        await store.append(A, batch('e', 3), { expectedRevision: 'any' });
        expect(await store.streamRevision(A)).toBe(2);
        expect(await store.streamRevision(B)).toBe(-1);
      });

      it('answers ping and can be closed twice', async () => {
        const store = await fresh();
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });

    describe('subscribeToAll', () => {
      it('catches up with stored events, then delivers live ones', async () => {
        const store = await fresh();
        await store.append(A, batch('old', 3), { expectedRevision: 'any' });
        const received = collect(store.subscribeToAll(), 5);
        await store.append(B, [event('live-1')], { expectedRevision: 'any' });
        await store.append(A, [event('live-2')], { expectedRevision: 'any' });
        expect(await received).toEqual(await store.readAll());
      });

      it('delivers events appended during catch-up once each, in order, with no gap', async () => {
        const store = await fresh();
        for (let i = 0; i < 12; i++)
          await store.append(i % 2 ? A : B, batch(`stored-${i}`, 100), { expectedRevision: 'any' });
        const inside: Promise<AppendResult>[] = [];
        const appendInside = () => {
          if (inside.length < 5)
            inside.push(store.append(A, [event(`inside-${inside.length}`)], { expectedRevision: 'any' }));
        };
        const received = collect(store.subscribeToAll().pipe(tap(appendInside)), 1200 + 5 + 20, 10_000);
        for (let i = 0; i < 20; i++) {
          await store.append(B, [event(`concurrent-${i}`)], { expectedRevision: 'any' });
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(inside);
        const delivered = await received;
        const all = await store.readAll();
        expect(all).toHaveLength(1225);
        expect(positions(delivered)).toEqual(positions(all));
        expect(checkpoints(delivered)).toEqual(checkpoints(all));
        expect(new Set(ids(delivered)).size).toBe(1225);
        expectCheckpointsIncreasing(checkpoints(delivered));
      });

      it('starts strictly after the `after` checkpoint', async () => {
        const store = await fresh();
        await store.append(A, batch('e', 3), { expectedRevision: 'any' });
        const [first] = await store.readAll();
        const received = collect(store.subscribeToAll({ after: first.checkpoint }), 3);
        await store.append(A, [event('live')], { expectedRevision: 'any' });
        expect(ids(await received)).toEqual(['e-1', 'e-2', 'live']);
      });

      it('after the last stored checkpoint, delivers only what is appended next', async () => {
        const store = await fresh();
        const stored = await store.append(A, batch('e', 3), { expectedRevision: 'any' });
        const received = collect(store.subscribeToAll({ after: stored.checkpoint }), 1);
        const live = await store.append(B, [event('live')], { expectedRevision: 'any' });
        const [delivered] = await received;
        expect(delivered).toMatchObject({ eventId: 'live', checkpoint: live.checkpoint });
      });

      it('never delivers inside the append call that wrote the event', async () => {
        const store = await fresh();
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll().subscribe((e) => seen.push(e));
        const appending = store.append(A, [event('e1')], { expectedRevision: 'any' });
        const seenDuringAppend = seen.length;
        await appending;
        await waitUntil(() => seen.length === 1);
        subscription.unsubscribe();
        expect(seenDuringAppend).toBe(0);
        expect(ids(seen)).toEqual(['e1']);
      });

      it('stops delivering once unsubscribed', async () => {
        const store = await fresh();
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribeToAll().subscribe((e) => seen.push(e));
        await store.append(A, [event('before')], { expectedRevision: 'any' });
        await waitUntil(() => seen.length === 1);
        subscription.unsubscribe();
        await store.append(A, [event('after')], { expectedRevision: 'any' });
        await sleep(400);
        expect(ids(seen)).toEqual(['before']);
      });

      it('completes live subscriptions when the store closes', async () => {
        const store = await fresh();
        await store.append(A, [event('e1')], { expectedRevision: 'any' });
        const all = lastValueFrom(store.subscribeToAll().pipe(toArray(), timeout({ first: 5000 })));
        await sleep(50);
        await store.close();
        expect(ids(await all)).toEqual(['e1']);
      });
    });

    describe('epoch and persistence', () => {
      it('has an epoch that differs between stores', async () => {
        const first = await fresh();
        const second = await fresh();
        expect(typeof first.epoch).toBe('string');
        expect(first.epoch.length).toBeGreaterThan(0);
        expect(second.epoch).not.toBe(first.epoch);
      });

      const whenPersistent = reopen ? describe : describe.skip;
      whenPersistent('across close and reopen', () => {
        const again = async (options?: OpenOptions) => track(await reopen!(options));

        it('gives the store a new epoch when asked (a restore), lists the old one as earlier, and keeps the events', async () => {
          const store = await fresh();
          expect(store.earlierEpochs).toEqual([]);
          await store.append(A, batch('e', 2), { expectedRevision: 'no_stream' });
          const before = await store.readAll();
          await store.close();
          const renewed = await again({ newEpoch: true });
          expect(renewed.epoch).not.toBe(store.epoch);
          expect(renewed.earlierEpochs).toEqual([store.epoch]);
          expect(await renewed.readAll()).toEqual(before);
          await renewed.close();
          const reopened = await again();
          expect([reopened.epoch, reopened.earlierEpochs]).toEqual([renewed.epoch, [store.epoch]]);
        });

        it('keeps the epoch and the events', async () => {
          const store = await fresh();
          await store.append(A, batch('e', 3), { expectedRevision: 'no_stream' });
          const before = await store.readAll();
          await store.close();
          const reopened = await again();
          expect(reopened.epoch).toBe(store.epoch);
          expect(await reopened.readAll()).toEqual(before);
          expect(await reopened.append(A, [event('e-0')], { expectedRevision: 'any' })).toEqual({
            nextRevision: 1,
            position: before[0].position,
            checkpoint: before[0].checkpoint,
          });
        });

        it('never reuses a position and continues each stream', async () => {
          const store = await fresh();
          await store.append(A, batch('e', 3), { expectedRevision: 'no_stream' });
          const lastBefore = (await store.readAll()).at(-1)!;
          await store.close();
          const reopened = await again();
          const result = await reopened.append(B, [event('next')], { expectedRevision: 'no_stream' });
          expect(result.position).toBeGreaterThan(lastBefore.position);
          expect(compareCheckpoints(lastBefore.checkpoint, result.checkpoint)).toBe(-1);
          expect(ids(await reopened.readAll({ after: lastBefore.checkpoint }))).toEqual(['next']);
          expect(await reopened.append(A, [event('e-3')], { expectedRevision: 2 })).toMatchObject({ nextRevision: 4 });
          expectStrictlyIncreasing(positions(await reopened.readAll()));
          expectCheckpointsIncreasing(checkpoints(await reopened.readAll()));
        });
      });
    });
  });
}
