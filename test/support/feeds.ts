import { SaxesParser } from 'saxes';
import { create } from 'xmlbuilder2';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly published: string;
  readonly updated: string;
  readonly content: string;
  readonly contentType: string | null;
  readonly alternate: string | null;
  readonly author: string | null;
}

export interface AtomTombstone {
  readonly ref: string | null;
  readonly when: string | null;
  /** Every attribute and child it has: RFC 6721 allows a comment and `by`, which a retraction must not carry. */
  readonly attributes: string[];
  readonly content: string;
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly links: Array<{ rel: string | null; type: string | null; href: string | null }>;
  readonly entries: AtomEntry[];
  readonly tombstones: AtomTombstone[];
}

/** Throws on anything a conforming XML 1.0 parser with namespaces refuses (saxes is strict). */
export function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
}

type Element = {
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly textContent: string | null;
  readonly nodeType: number;
  readonly childNodes: ArrayLike<Element>;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
};

const ELEMENT_NODE = 1;

/** The Atom document read back: strict parse first, then its elements by namespace. */
export function readAtom(xml: string): AtomFeed {
  assertWellFormed(xml);
  const root = (create(xml).root().node as unknown as { ownerDocument: { documentElement: Element } }).ownerDocument
    .documentElement;
  if (root.namespaceURI !== ATOM_NS || root.localName !== 'feed') throw new Error('not an Atom feed');
  const children = (element: Element, ns: string, name: string) =>
    Array.from(element.childNodes).filter(
      (child) => child.nodeType === ELEMENT_NODE && child.namespaceURI === ns && child.localName === name,
    );
  const text = (element: Element, name: string) => children(element, ATOM_NS, name)[0]?.textContent ?? '';
  return {
    id: text(root, 'id'),
    title: text(root, 'title'),
    updated: text(root, 'updated'),
    links: children(root, ATOM_NS, 'link').map((link) => ({
      rel: link.getAttribute('rel'),
      type: link.getAttribute('type'),
      href: link.getAttribute('href'),
    })),
    entries: children(root, ATOM_NS, 'entry').map((entry) => ({
      id: text(entry, 'id'),
      title: text(entry, 'title'),
      published: text(entry, 'published'),
      updated: text(entry, 'updated'),
      content: text(entry, 'content'),
      contentType: children(entry, ATOM_NS, 'content')[0]?.getAttribute('type') ?? null,
      alternate:
        children(entry, ATOM_NS, 'link')
          .find((link) => link.getAttribute('rel') === 'alternate')
          ?.getAttribute('href') ?? null,
      author: children(entry, ATOM_NS, 'author')[0]?.textContent ?? null,
    })),
    tombstones: children(root, TOMBSTONES_NS, 'deleted-entry').map((tombstone) => ({
      ref: tombstone.getAttribute('ref'),
      when: tombstone.getAttribute('when'),
      attributes: Array.from(tombstone.attributes).map((attribute) => attribute.name),
      content: tombstone.textContent ?? '',
    })),
  };
}
