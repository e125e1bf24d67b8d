// Keeps the reader's page live (DESIGN §5) with the one follower (packages/client): it subscribes
// over Socket.IO (/live) from the revision the server rendered, applies each pushed event in place,
// resumes after a reconnect, and redraws from the ack's article when the server cannot replay the
// gap. Everything is drawn with DOM APIs.
import { connectLive, type FollowStatus, LiveBlogFollower } from '../packages/client/src/follower.js';
import type { UpdatesPage } from '../packages/client/src/client.js';
import type { ArticleView, PublicEvent } from '../packages/client/src/wire.js';
import { readersLine } from '../src/shared/browser.js';
import * as dom from './article-dom.js';
import { Feed } from './feed.js';

const story = document.querySelector<HTMLElement>('[data-article]');
// The embed (views/embed-layout.eta) keeps its latest updates only, and tells the page framing it its height.
const frame = document.body.dataset;
if (story) follow(story, { keepUpdates: Number(frame.keepUpdates) || Number.POSITIVE_INFINITY });
if (story && 'embed' in frame) tellParentHeight();

function follow(story: HTMLElement, { keepUpdates }: { keepUpdates: number }): void {
  const liveBlogId = story.dataset.liveBlogId!;
  const feed = new Feed(story, announce);
  const connection = story.querySelector<HTMLElement>('[data-connection]')!;

  new LiveBlogFollower(
    connectLive(''),
    liveBlogId,
    {
      onEvent: apply,
      onRedraw: redraw,
      onStatus: showConnection,
      onReaders: (count) => {
        const readers = story.querySelector<HTMLElement>('[data-readers]')!;
        readers.textContent = readersLine(count);
        readers.hidden = false;
      },
    },
    { afterRevision: Number(story.dataset.revision) },
  );

  function apply(event: PublicEvent): void {
    story.dataset.revision = String(event.revision);
    if (event.type !== 'LiveBlogOpened') dom.setLastUpdated(story, event.at);
    feed.apply(event);
    keepLatest();
  }

  function redraw(article: ArticleView): void {
    story.dataset.revision = String(article.revision);
    feed.redraw(article);
    dom.setLastUpdated(story, article.lastUpdatedAt);
    keepLatest();
    markLinkedUpdate();
  }

  function keepLatest(): void {
    const list = story.querySelector('[data-updates]')!;
    while (list.children.length > keepUpdates) list.lastElementChild!.remove();
  }

  function showConnection(status: FollowStatus): void {
    connection.textContent =
      status.state === 'live'
        ? ''
        : status.state === 'reconnecting'
          ? 'Reconnecting…'
          : status.message
            ? `Live updates unavailable: ${status.message}`
            : 'Live updates unavailable';
  }

  pageOlderUpdates(story, liveBlogId, feed);
}

/**
 * Posts `{dateline: {height}}` to the framing page on load and whenever the page's height changes (an
 * update arrives or goes, the frame is resized): the host sizes its iframe so the story needs no scrollbar.
 */
function tellParentHeight(): void {
  if (window.parent === window) return;
  let posted: number | undefined;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    // The height is no secret, and the framing page's origin is not known here: any parent may read it.
    window.parent.postMessage({ dateline: { height } }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
}

/**
 * The update a permalink's #update-… names stays marked after a redraw, which puts new elements in place
 * of those the browser matched as :target.
 */
function markLinkedUpdate(): void {
  if (!location.hash.startsWith('#update-')) return;
  document.getElementById(decodeURIComponent(location.hash.slice(1)))?.classList.add('update--linked');
}

function announce(text: string): void {
  const announcer = document.querySelector('[data-announcer]');
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node in the next frame, so screen readers announce a repeated message too.
  requestAnimationFrame(() => (announcer.textContent = text));
}

/** "Older updates" appends the next page from /api/live-blogs/:id/updates instead of leaving the page. */
function pageOlderUpdates(story: HTMLElement, liveBlogId: string, feed: Feed): void {
  const link = story.querySelector<HTMLAnchorElement>('[data-older]');
  if (!link) return;
  link.addEventListener('click', async (click) => {
    click.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      const before = encodeURIComponent(link.dataset.before ?? '');
      const response = await fetch(
        `/api/live-blogs/${encodeURIComponent(liveBlogId)}/updates?beforeRevision=${before}&limit=20`,
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = (await response.json()) as UpdatesPage;
      feed.appendOlder(page.updates);
      if (page.nextBeforeRevision === null) link.parentElement!.remove();
      else {
        link.dataset.before = String(page.nextBeforeRevision);
        link.href = `/live/${encodeURIComponent(liveBlogId)}?before=${page.nextBeforeRevision}`;
      }
    } catch {
      link.textContent = 'Older updates (try again)';
    } finally {
      link.removeAttribute('aria-busy');
    }
  });
}
