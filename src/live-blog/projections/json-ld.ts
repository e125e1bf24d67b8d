import type { PublisherSettings } from '../../config/pure.js';
import { plainText } from '../../shared/pure.js';
import type { OpenedBlog } from '../domain/index.js';
import { headlineOf, type PublicUpdate } from './article.view.js';

/** Where the story is read, and who publishes it: what the JSON-LD needs beyond the story itself. */
export interface JsonLdSite {
  /** The origin readers use (PUBLIC_URL, or the request's); '' leaves URLs relative to the site. */
  readonly origin: string;
  readonly publisher: PublisherSettings;
}

/** How many of the newest updates' pictures stand for the story in `image`. */
const STORY_IMAGES = 3;

/**
 * schema.org LiveBlogPosting for search engines (Google's live-blog rich result): canonical URLs,
 * stable `datePublished` (the story's opening), the publisher, one BlogPosting per update on the
 * page with its own URL, headline and author; corrections as CorrectionComment. Every instant the
 * store keeps is UTC with its `Z`, so every time here carries its zone.
 */
export function toJsonLd(id: string, blog: OpenedBlog, updates: readonly PublicUpdate[], site: JsonLdSite) {
  const url = `${site.origin}/live/${id}`;
  const publisher = organisation(site);
  const images = updates.flatMap((update) => (update.media ? [update.media.url] : [])).slice(0, STORY_IMAGES);
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': url,
    url,
    mainEntityOfPage: url,
    identifier: id,
    headline: blog.title,
    ...(blog.summary ? { description: blog.summary } : {}),
    inLanguage: blog.language,
    datePublished: blog.openedAt,
    dateModified: blog.lastUpdatedAt,
    coverageStartTime: blog.openedAt,
    ...(blog.closedAt ? { coverageEndTime: blog.closedAt } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    author: publisher,
    publisher,
    liveBlogUpdate: updates.map((update) => blogPosting(update, url, publisher)),
  };
}

function blogPosting(update: PublicUpdate, liveBlogUrl: string, publisher: ReturnType<typeof organisation>) {
  const url = `${liveBlogUrl}#update-${update.updateId}`;
  return {
    '@type': 'BlogPosting',
    '@id': url,
    url,
    identifier: update.updateId,
    headline: headlineOf(update),
    datePublished: update.at,
    ...(update.corrected ? { dateModified: update.corrected.at } : {}),
    articleBody: plainText(update.body),
    author: update.byline ? { '@type': 'Person', name: update.byline } : publisher,
    ...(update.media ? { image: update.media.url } : {}),
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
  };
}

function organisation(site: JsonLdSite) {
  const { name, logoUrl } = site.publisher;
  const logo = logoUrl.startsWith('/') ? `${site.origin}${logoUrl}` : logoUrl;
  return { '@type': 'Organization', name, logo: { '@type': 'ImageObject', url: logo } };
}
