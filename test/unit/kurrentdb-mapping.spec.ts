import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  jsonEvent,
  WrongExpectedVersionError,
  type Position,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { InvalidCheckpoint, WrongExpectedRevision } from '../../src/event-store/errors.js';
import {
  compareCheckpoints,
  matchesExpected,
  repeatedId,
  type Checkpoint,
  type EventToAppend,
} from '../../src/event-store/event-store.js';
import {
  EVENT_ID_KEY,
  START_CHECKPOINT,
  StreamNames,
  encodeCheckpoint,
  isAfter,
  kurrentEventId,
  parseCheckpoint,
  positionNumber,
  toEventData,
  toRecordedEvent,
  toRevision,
  toStreamState,
  toWrongExpectedRevision,
} from '../../src/event-store/kurrentdb/kurrentdb-mapping.js';
import { ACCOUNTS_STREAM, sessionsStream } from '../../src/accounts/application/account-stream.js';
import { streamOf } from '../../src/live-blog/application/stream-names.js';
import { PUSH_LOG_STREAM, PUSH_STREAM } from '../../src/push/application/push-stream.js';
import { questionStream } from '../../src/questions/application/question-stream.js';
import { WEBHOOKS_STREAM, deliveryLogStream } from '../../src/webhooks/application/webhook-stream.js';

const at = (commit: bigint, prepare: bigint): Position => ({ commit, prepare });

function event(overrides: Partial<EventToAppend> = {}): EventToAppend {
  const metadata = { at: '2026-01-01T00:00:00.000Z' };
  return { eventId: 'e-1', type: 'UpdatePosted', data: { body: 'text' }, metadata, ...overrides };
}

/** A record shaped as the client returns it from a read of `$all`. */
function stored(overrides: Partial<KurrentRecordedEvent> = {}): KurrentRecordedEvent {
  return {
    streamId: 'liveblog-alpha',
    id: '6f1c0c1e-8d3a-4a35-9a57-2b0f6c1d4e20',
    isJson: true,
    revision: 3n,
    type: 'UpdatePosted',
    created: new Date('2026-11-28T06:00:00.123Z'),
    data: { body: 'text' },
    metadata: { at: '2026-11-28T05:59:00.000Z', [EVENT_ID_KEY]: 'e-1' },
    position: at(4096n, 4000n),
    ...overrides,
  } as KurrentRecordedEvent;
}

describe('KurrentDB checkpoints', () => {
  it('encode commit and prepare as two zero-padded 20-digit fields and parse back', () => {
    const checkpoint = encodeCheckpoint(at(1234n, 1200n));
    expect(checkpoint).toBe('00000000000000001234-00000000000000001200');
    expect(parseCheckpoint(checkpoint)).toEqual(at(1234n, 1200n));
    const largest = at(18_446_744_073_709_551_615n, 18_446_744_073_709_551_614n);
    expect(parseCheckpoint(encodeCheckpoint(largest))).toEqual(largest);
  });

  it('start before every event, as all zeros', () => {
    expect(START_CHECKPOINT).toMatch(/^[0-]*0$/);
    expect(compareCheckpoints(START_CHECKPOINT, encodeCheckpoint(at(0n, 1n)))).toBe(-1);
  });

  it('order as plain strings exactly as $all orders positions: by commit, then prepare', () => {
    const positions = [at(9n, 9n), at(10n, 2n), at(10n, 5n), at(100n, 99n), at(1_000_000n, 0n)];
    const checkpoints = positions.map(encodeCheckpoint);
    expect([...checkpoints].reverse().sort()).toEqual(checkpoints);
    checkpoints.slice(1).forEach((later, index) => expect(compareCheckpoints(checkpoints[index], later)).toBe(-1));
  });

  it.each([
    '',
    'not-a-checkpoint',
    '0000000000000001',
    '00000000000000001234-0000000000000000120',
    '00000000000000001234_00000000000000001200',
    ' 00000000000000001234-00000000000000001200',
    '-0000000000000001234-00000000000000001200',
  ])('refuse %j, which this adapter did not make, with InvalidCheckpoint', (garbage) => {
    expect(() => parseCheckpoint(garbage)).toThrow(InvalidCheckpoint);
  });

  it('keep only events strictly after a checkpoint', () => {
    const checkpoint = encodeCheckpoint(at(10n, 5n));
    expect(isAfter({ checkpoint }, checkpoint)).toBe(false);
    expect(isAfter({ checkpoint: encodeCheckpoint(at(10n, 4n)) }, checkpoint)).toBe(false);
    expect(isAfter({ checkpoint: encodeCheckpoint(at(10n, 6n)) }, checkpoint)).toBe(true);
    expect(isAfter({ checkpoint }, undefined)).toBe(true);
  });

  it('number each event by its own prepare position, refusing one past 2^53', () => {
    expect(positionNumber(at(4096n, 4000n))).toBe(4000);
    expect(() => positionNumber(at(1n, 2n ** 53n + 1n))).toThrow(RangeError);
  });
});

describe('KurrentDB expected revisions and stream states', () => {
  it("map the port's expectation to the client's stream state", () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it("map the client's current state to the port's last revision, -1 for no stream", () => {
    expect(toRevision(NO_STREAM)).toBe(-1);
    expect(toRevision(0n)).toBe(0);
    expect(toRevision(7n)).toBe(7);
  });

  it("turn the client's WrongExpectedVersionError into WrongExpectedRevision {stream, expected, actual}", () => {
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'x', expected: 0n, current: NO_STREAM });
    expect(toWrongExpectedRevision('liveblog-alpha', 0, missing.actualState)).toEqual(
      expect.objectContaining({ stream: 'liveblog-alpha', expected: 0, actual: -1 }),
    );
    const moved = new WrongExpectedVersionError(undefined, { streamName: 'x', expected: NO_STREAM, current: 4n });
    const error = toWrongExpectedRevision('liveblog-alpha', 'no_stream', moved.actualState);
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ stream: 'liveblog-alpha', expected: 'no_stream', actual: 4 });
  });

  it.each([
    ['any', -1, true],
    ['any', 3, true],
    ['no_stream', -1, true],
    ['no_stream', 0, false],
    ['stream_exists', -1, false],
    ['stream_exists', 0, true],
    [2, 2, true],
    [2, 1, false],
    [0, -1, false],
  ] as const)('check %j against a stream at %i as the server does: %s', (expected, current, matches) => {
    expect(matchesExpected(expected, current)).toBe(matches);
  });
});

describe('KurrentDB events', () => {
  it('pass a UUID event id through as the KurrentDB id, lower-cased', () => {
    expect(kurrentEventId('6F1C0C1E-8D3A-4A35-9A57-2B0F6C1D4E20')).toBe('6f1c0c1e-8d3a-4a35-9a57-2b0f6c1d4e20');
  });

  it('map any other id to a stable UUID, a different one per id', () => {
    const id = kurrentEventId('e-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kurrentEventId('e-1')).toBe(id);
    expect(kurrentEventId('e-2')).not.toBe(id);
  });

  it("write the event as the client's jsonEvent, carrying Dateline's id in the metadata", () => {
    const data = jsonEvent(toEventData(event()));
    expect(data).toMatchObject({ id: kurrentEventId('e-1'), type: 'UpdatePosted', contentType: 'application/json' });
    expect(data.data).toEqual({ body: 'text' });
    expect(data.metadata).toEqual({ at: '2026-01-01T00:00:00.000Z', [EVENT_ID_KEY]: 'e-1' });
  });

  it('read a stored event back in the port shape, without the adapter key in its metadata', () => {
    expect(toRecordedEvent(stored(), 'liveblog-alpha')).toEqual({
      eventId: 'e-1',
      type: 'UpdatePosted',
      data: { body: 'text' },
      metadata: { at: '2026-11-28T05:59:00.000Z' },
      stream: 'liveblog-alpha',
      revision: 3,
      position: 4000,
      checkpoint: '00000000000000004096-00000000000000004000' as Checkpoint,
      recordedAt: '2026-11-28T06:00:00.123Z',
    });
  });

  it('fall back to the KurrentDB id for an event written without Dateline metadata', () => {
    const recorded = toRecordedEvent(stored({ metadata: undefined }), 'liveblog-alpha');
    expect(recorded.eventId).toBe('6f1c0c1e-8d3a-4a35-9a57-2b0f6c1d4e20');
    expect(recorded.metadata).toEqual({});
  });

  it('refuse a binary event or one without a log position rather than guess', () => {
    const binary = stored({ isJson: false } as Partial<KurrentRecordedEvent>);
    expect(() => toRecordedEvent(binary, 'liveblog-alpha')).toThrow(/not a JSON event/);
    expect(() => toRecordedEvent(stored({ position: undefined }), 'liveblog-alpha')).toThrow(/log position/);
  });

  it('find the first id a batch repeats', () => {
    expect(repeatedId([event({ eventId: 'a' }), event({ eventId: 'b' })])).toBeUndefined();
    expect(repeatedId([event({ eventId: 'a' }), event({ eventId: 'b' }), event({ eventId: 'b' })])).toBe('b');
    expect(repeatedId([])).toBeUndefined();
  });
});

describe('KurrentDB stream names and the $all filter', () => {
  /** Every stream a reader of the feed folds, named by the features that own them. */
  const followed = [
    streamOf('kyrgyzstan-unrest'), // the views
    ACCOUNTS_STREAM, // the account directory: accounts…
    sessionsStream('ann.editor'), // …and each account's sessions, so a sign-out reaches every node
    WEBHOOKS_STREAM, // the endpoint registry
  ];
  /** Dateline's private streams (read by stream, never from the feed), the adapter's own, other applications'. */
  const notFollowed = [
    questionStream('kyrgyzstan-unrest'),
    deliveryLogStream('wh-1'),
    PUSH_STREAM,
    PUSH_LOG_STREAM,
    'accounts-archive',
    'webhooks2',
    '$stats-127.0.0.1:2113',
    'orders-1',
  ];

  it('carry in the feed every stream the views and directories fold, and no other', () => {
    const names = new StreamNames();
    for (const stream of followed) expect([stream, names.inFeed(stream)]).toEqual([stream, true]);
    for (const stream of [...notFollowed, names.epoch(), names.claimsOf('e-1')]) {
      expect([stream, names.inFeed(stream)]).toEqual([stream, false]);
    }
  });

  it('keep a namespace on the server and off in Dateline, and filter the feed to it', () => {
    const names = new StreamNames('t1.');
    expect(names.onServer('liveblog-alpha')).toBe('t1.liveblog-alpha');
    expect(names.inDateline('t1.liveblog-alpha')).toBe('liveblog-alpha');
    for (const stream of followed) expect(names.inFeed(names.onServer(stream))).toBe(true);
    for (const stream of followed) expect(names.inFeed(stream)).toBe(false);
    expect(names.inFeed('t1xaccounts')).toBe(false); // the namespace's dot is no wildcard
    expect(names.epoch()).toBe('t1.dateline-meta');
    expect(names.claimsOf('e-1')).toBe(`t1.dateline-event-id-${kurrentEventId('e-1')}`);
    expect(new StreamNames('t2.').inFeed('t1.liveblog-alpha')).toBe(false);
  });
});
