import type { UpdateRecord } from './state.js';

/** A trie of 32-way nodes: a story of 32,768 updates is three levels deep, of a million four. */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/**
 * The fold that made a node and may still change it in place, until it returns: each fold brings a
 * token of its own, so a node another fold made (one a handed-out state holds) is copied instead.
 */
export type FoldToken = object;

interface TrieNode {
  readonly token: FoldToken | null;
  /** Child nodes above the leaves; updates in a leaf. */
  readonly slots: (TrieNode | UpdateRecord)[];
}

/**
 * A blog's updates, oldest first, as a persistent list: a list never changes once handed out, yet
 * posting, correcting or retracting an update copies a few nodes of 32 slots, not every update
 * before it (copying them made each post on a 10,000-update story cost as much as a hundred on a
 * new one, on the write side and again in the views: bench/append.ts, P2).
 *
 * Updates are found by id through an index every list from the same opening shares. An update
 * never moves once posted, so the index only grows, and an entry counts only where this list holds
 * that id at that place; lists that went different ways from one state (a test's, a rewritten
 * history's) fall back to a search when the index names a place they do not agree on.
 */
export class UpdateList implements Iterable<UpdateRecord> {
  readonly length: number;
  readonly #root: TrieNode;
  /** How far the root's index bits are shifted: 0 when the root is itself a leaf. */
  readonly #shift: number;
  readonly #positions: Map<string, number>;

  private constructor(length: number, root: TrieNode, shift: number, positions: Map<string, number>) {
    this.length = length;
    this.#root = root;
    this.#shift = shift;
    this.#positions = positions;
  }

  /** The list of a blog just opened, with an index of its own. */
  static empty(): UpdateList {
    return new UpdateList(0, { token: null, slots: [] }, 0, new Map());
  }

  /** The list of these updates, in this order (a snapshot's, read back), with an index of its own. */
  static of(updates: Iterable<UpdateRecord>): UpdateList {
    const token: FoldToken = {};
    let list = UpdateList.empty();
    for (const update of updates) list = list.appended(update, token);
    return list;
  }

  at(index: number): UpdateRecord | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    return this.#leafOf(index).slots[index & MASK] as UpdateRecord;
  }

  /** Where the update with this id stands (the latest such, were there two), or -1. */
  indexOf(updateId: string): number {
    const index = this.#positions.get(updateId);
    if (index === undefined) return -1;
    if (index < this.length && this.at(index)!.updateId === updateId) return index;
    return this.#searchFor(updateId);
  }

  byId(updateId: string): UpdateRecord | undefined {
    const index = this.indexOf(updateId);
    return index === -1 ? undefined : this.at(index);
  }

  map<T>(mapping: (update: UpdateRecord, index: number) => T): T[] {
    const mapped: T[] = [];
    for (const update of this) mapped.push(mapping(update, mapped.length));
    return mapped;
  }

  *[Symbol.iterator](): Iterator<UpdateRecord> {
    for (let start = 0; start < this.length; start += WIDTH) {
      const { slots } = this.#leafOf(start);
      const end = Math.min(WIDTH, this.length - start);
      for (let offset = 0; offset < end; offset++) yield slots[offset] as UpdateRecord;
    }
  }

  /** Serialised as the array it stands for. */
  toJSON(): UpdateRecord[] {
    return [...this];
  }

  /** The list with one more update at the end; nodes `token` made are filled in place. */
  appended(update: UpdateRecord, token: FoldToken | null = null): UpdateList {
    const index = this.length;
    let root = this.#root;
    let shift = this.#shift;
    if (index === WIDTH << shift) {
      root = { token, slots: [root] }; // full: the trie grows a level
      shift += BITS;
    }
    this.#positions.set(update.updateId, index);
    return new UpdateList(index + 1, placed(root, shift, index, update, token), shift, this.#positions);
  }

  /** The list with the update at `index` replaced (the index stays the id's). */
  replaced(index: number, update: UpdateRecord, token: FoldToken | null = null): UpdateList {
    if (index < 0 || index >= this.length) throw new RangeError(`no update at ${index} of ${this.length}`);
    return new UpdateList(
      this.length,
      placed(this.#root, this.#shift, index, update, token),
      this.#shift,
      this.#positions,
    );
  }

  #leafOf(index: number): TrieNode {
    let node = this.#root;
    for (let shift = this.#shift; shift > 0; shift -= BITS) node = node.slots[(index >>> shift) & MASK] as TrieNode;
    return node;
  }

  #searchFor(updateId: string): number {
    for (let index = this.length - 1; index >= 0; index--) if (this.at(index)!.updateId === updateId) return index;
    return -1;
  }
}

/** The node with `update` at `index` below it: the path down copied, except nodes this fold made. */
function placed(node: TrieNode, shift: number, index: number, update: UpdateRecord, token: FoldToken | null): TrieNode {
  const target = token !== null && node.token === token ? node : { token, slots: node.slots.slice() };
  if (shift === 0) {
    target.slots[index & MASK] = update;
  } else {
    const slot = (index >>> shift) & MASK;
    const child = (target.slots[slot] as TrieNode | undefined) ?? { token, slots: [] };
    target.slots[slot] = placed(child, shift - BITS, index, update, token);
  }
  return target;
}
