import type { EventRewrite, EventStore } from '../../event-store/index.js';
import {
  redactedText,
  type LiveBlogEvent,
  type LiveBlogState,
  type OpenedBlog,
  type RedactableField,
} from '../domain/index.js';
import { recomputedContentHash, toStoredEvent, type EventMetadata, type StoredEvent } from './envelope.js';
import { fieldHashOf, HASH_SCHEMA_SALTED, SALTED_PATHS, valueAt, withValueAt } from './hash-chain.js';
import { DomainError } from '../../kernel/index.js';

/** A stored event the redaction would have to rewrite cannot be rewritten while keeping the chain's promise. */
export class UnredactableEvent extends DomainError {
  readonly kind = 'conflict';
  override readonly name = 'UnredactableEvent';
}

interface RedactionOrder {
  readonly updateId: string;
  readonly fields: readonly RedactableField[];
  readonly reference: string;
  /** The revision the UpdateRedacted event will take. */
  readonly revision: number;
}

/** The rewrites a decided batch needs: null unless it holds an UpdateRedacted. */
export async function redactionRewritesFor(
  store: EventStore,
  stream: string,
  events: readonly LiveBlogEvent[],
  state: LiveBlogState,
): Promise<EventRewrite[] | null> {
  const index = events.findIndex((event) => event.type === 'UpdateRedacted');
  const event = events[index];
  if (event?.type !== 'UpdateRedacted' || state.status === 'none') return null;
  return redactionRewrites(store, stream, state, { ...event.data, revision: state.revision + 1 + index });
}

/**
 * The stored events that hold the text an UpdateRedacted removes, as they must be rewritten: the
 * update as posted and, for the body, each of its corrections. Reads only those events.
 */
async function redactionRewrites(
  store: EventStore,
  stream: string,
  blog: OpenedBlog,
  order: RedactionOrder,
): Promise<EventRewrite[]> {
  const update = blog.updates.byId(order.updateId);
  if (!update) return [];
  const corrections = order.fields.includes('body') ? update.corrections.map((correction) => correction.revision) : [];
  const rewrites: EventRewrite[] = [];
  for (const revision of [update.revision, ...corrections]) {
    const [recorded] = await store.readStream(stream, { fromRevision: revision, maxCount: 1 });
    const rewrite = recorded && redactedEvent(toStoredEvent(recorded), order);
    if (rewrite) rewrites.push(rewrite);
  }
  return rewrites;
}

/**
 * The event with the ordered fields' text and salts removed and their commitments kept (DESIGN
 * §3a); null when it holds none of them (still), or is another update's. It must hash to its contentHash before and after.
 */
export function redactedEvent(event: StoredEvent, order: RedactionOrder): EventRewrite | null {
  const { metadata } = event;
  if (event.data.updateId !== order.updateId) return null;
  const paths = order.fields.filter(
    (path) =>
      (SALTED_PATHS[event.type] ?? []).includes(path) &&
      valueAt(event.data, path) !== undefined &&
      metadata.redacted?.[path] === undefined,
  );
  if (paths.length === 0) return null;
  if (metadata.schemaVersion !== HASH_SCHEMA_SALTED) {
    throw new UnredactableEvent(
      `revision ${event.revision} was stored under hashing schema ${metadata.schemaVersion}, whose unsalted ` +
        'contentHash would confirm a guess of the removed text: it cannot be redacted and stay verifiable',
      'fields',
    );
  }
  if (recomputedContentHash(event) !== metadata.contentHash) {
    throw new UnredactableEvent(
      `revision ${event.revision} no longer matches its contentHash: check the story's integrity before redacting`,
    );
  }
  const salts: Record<string, string> = { ...metadata.salts };
  const redacted = { ...metadata.redacted };
  let data = event.data;
  for (const path of paths) {
    redacted[path] = {
      fieldHash: fieldHashOf(salts[path]!, valueAt(data, path)),
      revision: order.revision,
      reference: order.reference,
    };
    delete salts[path];
    data = withValueAt(data, path, redactedText(order.reference)) as Record<string, unknown>;
  }
  const { salts: _removed, ...kept } = metadata;
  const rewritten: EventMetadata = { ...kept, ...(Object.keys(salts).length > 0 ? { salts } : {}), redacted };
  return { eventId: event.eventId, revision: event.revision, data, metadata: rewritten };
}
