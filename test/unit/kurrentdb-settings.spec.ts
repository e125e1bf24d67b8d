import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('EVENT_STORE for KurrentDB', () => {
  it.each([
    'kurrentdb://127.0.0.1:2113?tls=false',
    'kurrentdb+discover://admin:changeit@cluster.example:2113',
    'esdb://node-a:2113,node-b:2113?tls=false',
    'esdb+discover://cluster.example:2113',
  ])('passes %s to the client unchanged, and does not seed by default', (connectionString) => {
    const config = loadConfig({ EVENT_STORE: connectionString });
    expect(config.eventStore).toEqual({ kind: 'kurrentdb', connectionString });
    expect(config.seed).toBe(false);
  });

  it('stops on a scheme with nothing after it, naming the setting', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb://' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb://' })).toThrow(/EVENT_STORE/);
  });
});
