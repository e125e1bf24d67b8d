import { createHash } from 'node:crypto';

/** A response body as sent, and its strong ETag. */
export interface CachedBody {
  readonly body: Buffer;
  readonly etag: string;
}

/** What a render returns: the body (its ETag is then made from its bytes), or the body with its own ETag. */
type Rendered = string | Buffer | { readonly body: string | Buffer; readonly etag: string };

/** Which response: the story it shows and what else its bytes depend on (query, host…), as text. */
interface CacheKey {
  readonly story: string;
  readonly variant: string;
}

interface RevisionCacheLimits {
  /** Variants kept per story; the least recently used goes first. */
  readonly variantsPerLiveBlog: number;
  /** Bytes of bodies kept in all; the least recently used goes first. */
  readonly maxBytes: number;
}

interface Entry extends CachedBody {
  readonly story: string;
  readonly revision: number;
}

/**
 * Response bodies made once per story revision: every request for a story at one revision is
 * answered with the same bytes until an event moves the revision on, and the render that made
 * them runs once, however many requests arrive while it runs. Only the newest revision of each
 * story is kept (storing revision N drops that story's older entries), at most `variantsPerLiveBlog`
 * variants of it, and at most `maxBytes` in all, least recently used evicted first.
 */
export class RevisionCache {
  /** In order of use, least recent first (a hit moves its entry to the end). */
  private readonly entries = new Map<string, Entry>();
  private readonly variantsOf = new Map<string, Set<string>>();
  private readonly rendering = new Map<string, Promise<CachedBody | null>>();
  private bytes = 0;

  constructor(
    private readonly limits: RevisionCacheLimits,
    private readonly counted: (result: 'hit' | 'miss') => void = () => undefined,
  ) {}

  /** The body at this revision, from the cache or rendered now (and kept). */
  get(key: CacheKey, revision: number, render: () => Rendered): CachedBody {
    const cached = this.peek(key, revision);
    if (cached) return cached;
    this.counted('miss');
    return this.store(key, revision, render());
  }

  /** As `get`, for a render that waits (or finds nothing: null, not kept); requests meanwhile share it. */
  async getAsync(key: CacheKey, revision: number, render: () => Promise<Rendered | null>): Promise<CachedBody | null> {
    const cached = this.peek(key, revision);
    if (cached) return cached;
    this.counted('miss');
    const pending = `${idOf(key)}\u0000${revision}`;
    const running = this.rendering.get(pending);
    if (running) return running;
    const rendered = render()
      .then((result) => (result === null ? null : this.store(key, revision, result)))
      .finally(() => this.rendering.delete(pending));
    this.rendering.set(pending, rendered);
    return rendered;
  }

  /** The body kept for this revision, if any (a hit; a miss is counted by whoever renders). */
  peek(key: CacheKey, revision: number): CachedBody | undefined {
    const id = idOf(key);
    const entry = this.entries.get(id);
    if (entry?.revision !== revision) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    const variants = this.variantsOf.get(key.story)!;
    variants.delete(id);
    variants.add(id);
    this.counted('hit');
    return entry;
  }

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: CacheKey, revision: number, rendered: Rendered): CachedBody {
    const cached = cachedBody(revision, rendered);
    const id = idOf(key);
    const kept = [...(this.variantsOf.get(key.story) ?? [])];
    // A slow render of an older revision, finishing late, is sent but not kept.
    if (kept.some((other) => this.entries.get(other)!.revision > revision)) return cached;
    for (const other of kept) {
      const entry = this.entries.get(other);
      if (other === id || (entry && entry.revision < revision)) this.remove(other);
    }
    if (cached.body.length > this.limits.maxBytes) return cached;
    this.entries.set(id, { ...cached, story: key.story, revision });
    const variants = this.variantsOf.get(key.story) ?? new Set<string>();
    this.variantsOf.set(key.story, variants);
    variants.add(id);
    this.bytes += cached.body.length;
    this.evict(variants);
    return cached;
  }

  private evict(variants: Set<string>): void {
    while (variants.size > this.limits.variantsPerLiveBlog) this.remove(variants.values().next().value!);
    for (const id of this.entries.keys()) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.remove(id);
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.body.length;
    const variants = this.variantsOf.get(entry.story);
    variants?.delete(id);
    if (variants?.size === 0) this.variantsOf.delete(entry.story);
  }
}

function idOf(key: CacheKey): string {
  return `${key.story}\u0000${key.variant}`;
}

/** A strong ETag: the revision, and a digest of the bytes (a new template at one revision is a new tag). */
function cachedBody(revision: number, rendered: Rendered): CachedBody {
  if (typeof rendered === 'string' || Buffer.isBuffer(rendered)) {
    const body = Buffer.isBuffer(rendered) ? rendered : Buffer.from(rendered);
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    return { body, etag: `"${revision}-${digest}"` };
  }
  const { body, etag } = rendered;
  return { body: Buffer.isBuffer(body) ? body : Buffer.from(body), etag };
}
