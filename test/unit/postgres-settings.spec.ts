import { ConfigError, loadConfig } from '../../src/config/config.js';
import { InvalidCheckpoint } from '../../src/event-store/errors.js';
import { compareCheckpoints } from '../../src/event-store/event-store.js';
import { decodeCheckpoint, encodeCheckpoint, FEED_START } from '../../src/event-store/postgres/postgres-checkpoint.js';

describe('EVENT_STORE=postgres://…', () => {
  it('takes the schema off the URL and does not seed by default', () => {
    const config = loadConfig({
      EVENT_STORE: 'postgres://app:secret@db.internal:5433/news?schema=breaking&sslmode=require',
    });
    expect(config.eventStore).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://app:secret@db.internal:5433/news?sslmode=require',
      schema: 'breaking',
    });
    expect(config.seed).toBe(false);
  });

  it('accepts postgresql:// and defaults the schema to dateline', () => {
    expect(loadConfig({ EVENT_STORE: 'postgresql://127.0.0.1/test', SEED: 'true' })).toMatchObject({
      eventStore: { kind: 'postgres', connectionString: 'postgresql://127.0.0.1/test', schema: 'dateline' },
      seed: true,
    });
  });

  it.each([
    ['postgres://db:port/news', /not a valid postgres:\/\/ URL/],
    ['postgres://db/news?schema=Robert%22;DROP', /schema/],
    ['postgres://db/news?schema=', /schema/],
  ])('refuses %s with a one-line reason', (url, reason) => {
    expect(() => loadConfig({ EVENT_STORE: url })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_STORE: url })).toThrow(reason);
  });

  it('does not echo a password in its reason', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres://u:hunter2@db:x/n' })).toThrow(/^(?!.*hunter2)/);
  });
});

describe('PostgreSQL checkpoints', () => {
  const at = (transactionId: string, position: string) => encodeCheckpoint({ transactionId, position });

  it('compare as strings in (transaction id, position) order', () => {
    const ordered = [
      at('0', '0'),
      at('7', '900'),
      at('8', '12'),
      at('8', '13'),
      at('10', '1'),
      at('18446744073709551615', '1'),
    ];
    expect([...ordered].reverse().sort(compareCheckpoints)).toEqual(ordered);
    expect(encodeCheckpoint(FEED_START)).toBe('00000000000000000000-00000000000000000000');
  });

  it('decode to the place they were made from', () => {
    expect(decodeCheckpoint(at('4242', '9007199254740993'))).toEqual({
      transactionId: '4242',
      position: '9007199254740993',
    });
  });

  it.each([
    '',
    '12',
    '0000000000000000012',
    'x0000000000000000000-00000000000000000000',
    '99999999999999999999-00000000000000000001',
  ])('refuse %j as not theirs', (text) => {
    expect(() => decodeCheckpoint(text)).toThrow(InvalidCheckpoint);
  });
});
