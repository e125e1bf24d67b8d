import type { AsOfView, PagePlace } from '../audit/index.js';

/** The as-of fragment's links to the pages of updates either side, and which updates it shows. */
interface AsOfPageLinks {
  readonly newerHref: string | null;
  readonly olderHref: string | null;
  /** This page shows updates `first` to `last` (newest first) of `total`. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
}

interface PageShown {
  readonly revision: number;
  readonly updates: readonly unknown[];
  readonly nextBeforeRevision: number | null;
}

/**
 * The links, or null when every update is on this page. Each names the revision shown, so a
 * page asked for at an instant pages through that same state; the view and page size are kept.
 */
export function asOfPageLinks(
  id: string,
  article: PageShown,
  place: PagePlace,
  query: { readonly view?: AsOfView; readonly limit?: number },
): AsOfPageLinks | null {
  const href = (beforeRevision: number | null) => {
    const params = new URLSearchParams({ revision: String(article.revision) });
    if (query.view === 'record') params.set('view', 'record');
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (beforeRevision !== null) params.set('beforeRevision', String(beforeRevision));
    return `/audit/${encodeURIComponent(id)}/as-of?${params}`;
  };
  const newerHref = place.newerBeforeRevision === undefined ? null : href(place.newerBeforeRevision);
  const olderHref = article.nextBeforeRevision === null ? null : href(article.nextBeforeRevision);
  if (newerHref === null && olderHref === null) return null;
  const first = place.newer + 1;
  return { newerHref, olderHref, first, last: place.newer + article.updates.length, total: place.total };
}
