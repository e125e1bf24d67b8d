import { RevisionCache } from '../../src/shared/revision-cache.js';

const page = (story: string, variant = '') => ({ story, variant });

describe('RevisionCache', () => {
  it('renders once per revision and variant, and again when the revision moves', () => {
    const cache = new RevisionCache({ variantsPerLiveBlog: 4, maxBytes: 1000 });
    let renders = 0;
    const render = (text: string) => () => (renders++, text);
    const first = cache.get(page('osh'), 1, render('one'));
    const again = cache.get(page('osh'), 1, render('not asked'));
    expect([again.body.toString(), again.etag]).toEqual(['one', first.etag]);
    expect(renders).toBe(1);
    const second = cache.get(page('osh'), 2, render('two'));
    expect(second.body.toString()).toBe('two');
    expect(second.etag).not.toBe(first.etag);
    expect(first.etag).toMatch(/^"1-[\w-]{22}"$/);
    expect(renders).toBe(2);
  });

  it('keeps only the newest revision of a story: storing one drops its other variants’ older ones', () => {
    const cache = new RevisionCache({ variantsPerLiveBlog: 4, maxBytes: 1000 });
    cache.get(page('osh', 'a'), 1, () => 'a1');
    cache.get(page('osh', 'b'), 1, () => 'b1');
    cache.get(page('bishkek'), 1, () => 'other');
    cache.get(page('osh', 'a'), 2, () => 'a2');
    expect(cache.size).toEqual({ entries: 2, bytes: 'a2'.length + 'other'.length });
    // A late render of an older revision is answered but not kept over the newer one.
    expect(cache.get(page('osh', 'b'), 1, () => 'late').body.toString()).toBe('late');
    expect(cache.peek(page('osh', 'b'), 1)).toBeUndefined();
  });

  it('bounds variants per story and bytes in all, least recently used out first', () => {
    const cache = new RevisionCache({ variantsPerLiveBlog: 2, maxBytes: 10 });
    cache.get(page('osh', 'a'), 1, () => 'aaa');
    cache.get(page('osh', 'b'), 1, () => 'bbb');
    cache.peek(page('osh', 'a'), 1);
    cache.get(page('osh', 'c'), 1, () => 'ccc');
    expect(cache.peek(page('osh', 'b'), 1)).toBeUndefined();
    expect(cache.peek(page('osh', 'a'), 1)?.body.toString()).toBe('aaa');
    cache.get(page('bishkek'), 1, () => 'dddddd');
    expect(cache.size.bytes).toBeLessThanOrEqual(10);
    expect(cache.peek(page('osh', 'c'), 1)).toBeUndefined();
    expect(cache.get(page('big'), 1, () => 'x'.repeat(11)).body.length).toBe(11);
    expect(cache.peek(page('big'), 1)).toBeUndefined();
  });

  it('shares one waiting render among the requests that arrive while it runs, and keeps no null', async () => {
    const cache = new RevisionCache({ variantsPerLiveBlog: 4, maxBytes: 1000 });
    let renders = 0;
    const slow = async () => (renders++, await new Promise((resolve) => setTimeout(resolve, 5)), 'body');
    const [a, b] = await Promise.all([cache.getAsync(page('osh'), 3, slow), cache.getAsync(page('osh'), 3, slow)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    expect(await cache.getAsync(page('none'), 1, async () => null)).toBeNull();
    expect(cache.peek(page('none'), 1)).toBeUndefined();
  });

  it('counts hits and misses', () => {
    const counted: string[] = [];
    const cache = new RevisionCache({ variantsPerLiveBlog: 4, maxBytes: 1000 }, (result) => counted.push(result));
    cache.get(page('osh'), 1, () => 'one');
    cache.get(page('osh'), 1, () => 'one');
    expect(counted).toEqual(['miss', 'hit']);
  });
});
