import { createHash, sign } from 'node:crypto';
import { promisify } from 'node:util';
import { chainStart, checkLink, reportOf } from '../audit/pure.js';
import type { RecordedEvent } from '../event-store/index.js';
import {
  foldStored,
  initialState,
  type LiveBlogState,
  type OpenedBlog,
  type PublicUpdate,
  toArticleView,
  toPublicUpdate,
  toStoredEvents,
} from '../live-blog/pure.js';
import { LoopTurns } from '../shared/index.js';
import type { CheckpointKey, KeySet, SignedCheckpoint } from '../signing/pure.js';
import {
  BUNDLE_FORMAT,
  type BundleHeader,
  canonical,
  digest,
  type EvidenceBundle,
  type SealDigests,
} from './evidence-bundle.js';

/** How much of the file is gathered, at most, before it goes out. */
const CHUNK_CHARS = 64 * 1024;

/** RFC 8785 writes an object's members in the order of their names: `events` and `page` come before `seal`. */
const MEMBERS = Object.keys({
  format: 0,
  liveBlogId: 0,
  revision: 0,
  storeEpoch: 0,
  createdAt: 0,
  createdBy: 0,
  checkpoint: 0,
  keys: 0,
  events: 0,
  laterEvents: 0,
  page: 0,
  seal: 0,
} satisfies Record<keyof EvidenceBundle, 0>).sort();

export interface BundleParts {
  readonly header: BundleHeader;
  /** Signs the hash of the event at `header.revision`. */
  readonly checkpoint: SignedCheckpoint;
  readonly keys: KeySet;
  /** The stream's events from revision 0 to `header.revision`, a page at a time. */
  readonly pages: AsyncIterable<readonly RecordedEvent[]>;
  /** The events after `header.revision` up to the last redaction of text in `pages` (EvidenceBundle.laterEvents). */
  readonly laterEvents?: readonly RecordedEvent[];
}

/** Thrown while the file is written when the events read no longer make the history checked before. */
class BundleHistoryChanged extends Error {}

/**
 * The evidence bundle's file (what `serializeBundle(seal(bundle))` writes, byte for byte), made as
 * it is sent: each page of events goes out as it is read, digested and folded; the page as readers
 * saw it is written from the fold; the seal over the digests gathered on the way comes last, as
 * canonical JSON orders it. Held at any time: the fold, the digests and one page of events, never
 * the whole history nor the whole file (a 3,000-update story's bundle took 600 MB held whole).
 * A chunk goes out, and the event loop gets a turn, when it is full or has taken its time slice.
 */
export async function* bundleFile(parts: BundleParts, key: CheckpointKey): AsyncGenerator<string> {
  let batch: string[] = [];
  let size = 0;
  const turns = new LoopTurns();
  for await (const piece of bundlePieces(parts, key)) {
    batch.push(piece);
    size += piece.length;
    if (size >= CHUNK_CHARS) {
      yield batch.join('');
      [batch, size] = [[], 0];
    }
    await turns.due();
  }
  yield batch.join('');
}

async function* bundlePieces(parts: BundleParts, key: CheckpointKey): AsyncGenerator<string> {
  const { header, checkpoint, keys } = parts;
  const events: string[] = [];
  let blog: LiveBlogState = initialState;
  let page = '';
  const { laterEvents } = parts;
  for (const [index, name] of MEMBERS.entries()) {
    if (name === 'laterEvents' && !laterEvents) continue;
    yield `${index === 0 ? '{' : ','}${JSON.stringify(name)}:`;
    if (name === 'events') {
      blog = yield* eventsMember(parts, events);
    } else if (name === 'page') {
      page = yield* pageMember(header.liveBlogId, blog);
    } else if (name === 'laterEvents') {
      yield canonical(laterEvents);
    } else if (name === 'seal') {
      const later = laterEvents ? { laterEvents: laterEvents.map(digest) } : {};
      const digests = {
        header: digest(header),
        checkpoint: digest(checkpoint),
        keys: digest(keys),
        page,
        events,
        ...later,
      };
      yield* await sealPieces(digests, key);
    } else {
      yield canonical({ ...header, checkpoint, keys }[name as keyof BundleHeader | 'checkpoint' | 'keys']);
    }
  }
  yield '}\n';
}

/** Writes the events, gathering each one's digest; returns their fold, after checking the chain again. */
async function* eventsMember(parts: BundleParts, digests: string[]): AsyncGenerator<string, LiveBlogState> {
  let blog: LiveBlogState = initialState;
  let chain = chainStart;
  for await (const page of parts.pages) {
    for (const event of page) {
      const json = canonical(event);
      yield `${digests.length === 0 ? '[' : ','}${json}`;
      digests.push(createHash('sha256').update(json, 'utf8').digest('hex'));
      chain = checkLink(chain, event);
      blog = foldStored(blog, toStoredEvents([event]));
    }
  }
  yield digests.length === 0 ? '[]' : ']';
  // Checked before the first byte was sent; checked again, as the store may have changed since
  // (through the later events, whose redaction event confirms the placeholders in these).
  const endHash = chain.lastHash;
  for (const event of parts.laterEvents ?? []) chain = checkLink(chain, event);
  const report = reportOf(chain);
  const { revision } = parts.header;
  if (!report.ok || digests.length !== revision + 1 || endHash !== parts.checkpoint.hash) {
    throw new BundleHistoryChanged(`the history of "${parts.header.liveBlogId}" changed while its bundle was written`);
  }
  return blog;
}

/**
 * Writes the page as readers saw it (`pageOf`: the article with every update on one page), its
 * lists an entry at a time, the updates made one at a time as they are written; returns its digest.
 */
async function* pageMember(liveBlogId: string, blog: LiveBlogState): AsyncGenerator<string, string> {
  if (blog.status === 'none') throw new BundleHistoryChanged(`"${liveBlogId}" was not open at the bundle's revision`);
  const { updates: _first, ...article } = toArticleView(liveBlogId, blog, 1);
  const page: Record<string, unknown> = { ...article, nextBeforeRevision: null, updates: newestFirst(blog) };
  const hash = createHash('sha256');
  const out = (text: string) => {
    hash.update(text, 'utf8');
    return text;
  };
  const names = Object.keys(page)
    .filter((name) => page[name] !== undefined)
    .sort();
  for (const [index, name] of names.entries()) {
    yield out(`${index === 0 ? '{' : ','}${JSON.stringify(name)}:`);
    const value = page[name];
    if (!Array.isArray(value) && name !== 'updates') {
      yield out(canonical(value));
      continue;
    }
    let count = 0;
    for (const entry of value as Iterable<unknown>) yield out(`${count++ === 0 ? '[' : ','}${canonical(entry)}`);
    yield out(count === 0 ? '[]' : ']');
  }
  yield out('}');
  return hash.digest('hex');
}

/** The reader's updates, newest first, retracted ones left out: `updatesPage` with no limit. */
function* newestFirst(blog: OpenedBlog): Generator<PublicUpdate> {
  for (let index = blog.updates.length - 1; index >= 0; index--) {
    const update = blog.updates.at(index)!;
    if (!update.retraction) yield toPublicUpdate(update);
  }
}

/** Signs in libuv's thread pool: Ed25519 hashes the whole message (the digests of every event) at once. */
const signInPool = promisify(sign);

/**
 * `canonical(seal.seal)` of evidence-bundle.ts, in pieces of a thousand event digests each, made
 * with turns between: canonicalize checks every character of every string, and the digests of
 * 100,000 events took it 0.4 s in one go (twice: the signed bytes and the member); signed off the
 * event loop; handed on a piece at a time, so no one write holds the loop for the whole member.
 * Hex digests need no escaping. The bytes are the same (the unit test compares whole files; the
 * verifier checks the signature).
 */
async function sealPieces(digests: SealDigests, key: CheckpointKey): Promise<string[]> {
  const turns = new LoopTurns();
  const events: string[] = [];
  for (let start = 0; start < digests.events.length; start += 1000) {
    events.push(digests.events.slice(start, start + 1000).join('","'));
    await turns.due();
  }
  const eventsPieces =
    events.length === 0 ? ['[]'] : [...events.map((part, index) => `${index === 0 ? '["' : '","'}${part}`), '"]'];
  const { checkpoint, header, keys, laterEvents, page } = digests;
  const later = laterEvents ? `,"laterEvents":${canonical(laterEvents)}` : '';
  const opening = `{"checkpoint":${canonical(checkpoint)},"events":`;
  const closing = `,"header":${canonical(header)},"keys":${canonical(keys)}${later},"page":${canonical(page)}}`;
  const keyId = canonical(key.keyId);
  const signed = [
    `{"digests":${opening}`,
    ...eventsPieces,
    `${closing},"format":${canonical(BUNDLE_FORMAT)},"keyId":${keyId}}`,
  ];
  const bytes: Buffer[] = [];
  for (const piece of signed) {
    bytes.push(Buffer.from(piece, 'utf8'));
    await turns.due();
  }
  const signature = (await signInPool(null, Buffer.concat(bytes), key.privateKey)).toString('base64url');
  return [`{"digests":${opening}`, ...eventsPieces, `${closing},"keyId":${keyId},"signature":${canonical(signature)}}`];
}
