// Keeps the reader's page live (DESIGN §5): subscribes over Socket.IO (/live) from the revision the
// server rendered, applies each pushed event in place, resumes after a reconnect, and redraws from
// the ack's article when the server cannot replay the gap. Everything is drawn with DOM APIs.
import { io } from '../vendor/socket.io/socket.io.esm.min.js';
import { readersLine } from './format.js';
import { Feed } from './feed.js';
import * as dom from './article-dom.js';

const story = document.querySelector('[data-article]');
if (story) follow(story);

function follow(story) {
  const liveBlogId = story.dataset.liveBlogId;
  const feed = new Feed(story, announce);
  const connection = story.querySelector('[data-connection]');
  let revision = Number(story.dataset.revision);
  let epoch;

  const socket = io('/live', { transports: ['websocket', 'polling'] });
  // The ack is handled in its callback, not after an await: the next pushed event can arrive in the
  // same read (long-polling batches packets), and must not be applied before the ack's events.
  socket.on('connect', () => {
    socket.timeout(10_000).emit('subscribe', { liveBlogId, afterRevision: revision, epoch }, (error, ack) => {
      if (error || !ack.ok) {
        return showConnection(ack ? `Live updates unavailable: ${ack.error.message}` : 'Live updates unavailable');
      }
      showConnection('');
      epoch = ack.epoch;
      if (ack.article) {
        redraw(ack.article);
        revision = ack.revision;
      } else ack.events.forEach(apply);
    });
  });
  socket.on('disconnect', (reason) => {
    showConnection('Reconnecting…');
    // Socket.IO retries by itself except when the server closed the socket (a restart, a slow reader
    // cut off): come back after a short, jittered pause and resume from the last revision held.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 1000);
  });
  socket.on('event', (event) => {
    if (event.liveBlogId === liveBlogId) apply(event);
  });
  socket.on('readers', ({ liveBlogId: id, count }) => {
    if (id !== liveBlogId) return;
    const readers = story.querySelector('[data-readers]');
    readers.textContent = readersLine(count);
    readers.hidden = false;
  });

  function apply(event) {
    if (event.revision <= revision) return;
    revision = event.revision;
    story.dataset.revision = String(revision);
    if (event.type !== 'LiveBlogOpened') dom.setLastUpdated(story, event.at);
    feed.apply(event);
  }

  function redraw(article) {
    story.dataset.revision = String(article.revision);
    feed.redraw(article);
    dom.setLastUpdated(story, article.lastUpdatedAt);
  }

  function showConnection(text) {
    connection.textContent = text;
  }

  pageOlderUpdates(story, liveBlogId, feed);
}

function announce(text) {
  const announcer = document.querySelector('[data-announcer]');
  if (!announcer) return;
  announcer.textContent = '';
  // A fresh text node in the next frame, so screen readers announce a repeated message too.
  requestAnimationFrame(() => (announcer.textContent = text));
}

/** "Older updates" appends the next page from /api/live-blogs/:id/updates instead of leaving the page. */
function pageOlderUpdates(story, liveBlogId, feed) {
  const link = story.querySelector('[data-older]');
  if (!link) return;
  link.addEventListener('click', async (click) => {
    click.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      const before = encodeURIComponent(link.dataset.before);
      const response = await fetch(
        `/api/live-blogs/${encodeURIComponent(liveBlogId)}/updates?beforeRevision=${before}&limit=20`,
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = await response.json();
      feed.appendOlder(page.updates);
      if (page.nextBeforeRevision === null) link.parentElement.remove();
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
