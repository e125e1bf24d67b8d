import type { OpenedBlog } from '../domain/index.js';
import type { PublicUpdate } from './article.view.js';

/** schema.org LiveBlogPosting for search engines; corrections as CorrectionComment. */
export function toJsonLd(id: string, blog: OpenedBlog, updates: readonly PublicUpdate[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    identifier: id,
    headline: blog.title,
    ...(blog.summary ? { description: blog.summary } : {}),
    inLanguage: blog.language,
    coverageStartTime: blog.openedAt,
    ...(blog.closedAt ? { coverageEndTime: blog.closedAt } : {}),
    dateModified: blog.lastUpdatedAt,
    liveBlogUpdate: updates.map((update) => ({
      '@type': 'BlogPosting',
      identifier: update.updateId,
      datePublished: update.at,
      articleBody: update.body,
      ...(update.byline ? { author: { '@type': 'Person', name: update.byline } } : {}),
      ...(update.location ? { contentLocation: { '@type': 'Place', name: update.location } } : {}),
      ...(update.corrected
        ? {
            correction: {
              '@type': 'CorrectionComment',
              text: update.corrected.reason,
              datePublished: update.corrected.at,
            },
          }
        : {}),
    })),
  };
}
