/**
 * A map that keeps at most `capacity` entries: reading or writing one makes it the most recent, and
 * setting one more than fits drops the least recently used (handed to `dropped`).
 */
export class LruMap<K, V> {
  /** In order of use, least recent first. */
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly dropped: (key: K, value: V) => void = () => undefined,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Without making it the most recent. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const [oldest, held] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.dropped(oldest, held);
    }
  }

  entriesInUse(): IterableIterator<[K, V]> {
    return this.entries.entries();
  }
}
