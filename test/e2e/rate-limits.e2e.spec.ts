import { startApp, type TestApp } from '../support/app.js';
import { connectReader, range, type Reader } from '../support/live.js';
import { givenLiveBlog } from '../support/live-blogs.js';

const BLOG = 'rate-limited';

describe('subscribe budgets', () => {
  let t: TestApp;
  const readers: Reader[] = [];
  beforeEach(async () => {
    t = await startApp({ env: { LIVE_REQUESTS_PER_ADDRESS: '30' } });
    await givenLiveBlog(t, { id: BLOG, title: 'Budgets' });
  });
  afterEach(async () => {
    readers.splice(0).forEach((reader) => reader.close());
    await t.close();
  });
  const fresh = async () => {
    const reader = await connectReader(t.url);
    readers.push(reader);
    return reader;
  };
  const codes = async (reader: Reader, times: number) => {
    const acks = await Promise.all(range(1, times).map(() => reader.subscribe(BLOG)));
    return acks.map((ack) => (ack.ok ? 'ok' : ack.error.code));
  };

  it('keeps one budget per client address that fresh sockets do not reset', async () => {
    expect(await codes(await fresh(), 20)).toEqual(Array(20).fill('ok'));
    expect(await codes(await fresh(), 10)).toEqual(Array(10).fill('ok'));
    // Each new socket has its own per-socket budget left, but the address has spent its 30.
    expect(await codes(await fresh(), 3)).toEqual(Array(3).fill('rate_limited'));
    expect(await codes(await fresh(), 1)).toEqual(['rate_limited']);
  });
});
