import { ARTICLE_UPDATES, type OpenedBlog } from '../live-blog/index.js';

/** Where the reader's pages show an update, if anywhere. */
type UpdatePlace =
  | { readonly found: 'none' }
  | { readonly found: 'retracted' }
  /** `beforeRevision` names the older page that holds it (`/live/:id?before=`); undefined for the first page. */
  | { readonly found: 'shown'; readonly beforeRevision: number | undefined };

/**
 * The page an update is on, cut as updatesPage cuts them (newest first, `perPage` a page, retracted
 * ones absent): each older page starts before the revision of the last update of the page above it.
 */
export function pageOfUpdate(blog: OpenedBlog, updateId: string, perPage = ARTICLE_UPDATES): UpdatePlace {
  const update = blog.updates.byId(updateId);
  if (!update) return { found: 'none' };
  if (update.retraction) return { found: 'retracted' };
  let passed = 0;
  let beforeRevision: number | undefined;
  for (let index = blog.updates.length - 1; index >= 0; index--) {
    const each = blog.updates.at(index)!;
    if (each.retraction) continue;
    if (each.updateId === updateId) return { found: 'shown', beforeRevision };
    passed++;
    if (passed % perPage === 0) beforeRevision = each.revision;
  }
  return { found: 'none' };
}
