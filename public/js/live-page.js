// Keeps the reader's page live (DESIGN §5): subscribes over Socket.IO (/live) from the revision the
// server rendered, applies each pushed event in place, resumes after a reconnect, and redraws from
// the ack's article when the server cannot replay the gap. Everything is drawn with DOM APIs.
import { io } from '../vendor/socket.io/socket.io.esm.min.js';
import { readersLine } from './format.js';
import { Feed } from './feed.js';
import * as dom from './article-dom.js';

const RECONNECTION = { reconnectionDelay: 1000, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 };
/** Subscribe errors worth asking again on the same connection; others would fail again. */
const RETRIED = ['rate_limited', 'unavailable'];

const story = document.querySelector('[data-article]');
// The embed (views/embed-layout.eta) keeps its latest updates only, and tells the page framing it its height.
const frame = document.body.dataset;
if (story) follow(story, { keepUpdates: Number(frame.keepUpdates) || Number.POSITIVE_INFINITY });
if (story && 'embed' in frame) tellParentHeight();

function follow(story, { keepUpdates }) {
  const liveBlogId = story.dataset.liveBlogId;
  const feed = new Feed(story, announce);
  const connection = story.querySelector('[data-connection]');
  let revision = Number(story.dataset.revision);
  let epoch;

  // Socket.IO reconnects by itself after a lost connection, each wait drawn at random (0.5 to 1.5 s,
  // then 1 to 3 s, … up to 10 s), so the readers of a restarted server come back spread out.
  const socket = io('/live', { transports: ['websocket', 'polling'], ...RECONNECTION });
  // Pushed events count only after an ok ack: until then the catch-up holds them.
  let live = false;
  let failures = 0;
  let attempts = 0;
  let retry;

  // The ack is handled in its callback, not after an await: the next pushed event can arrive in the
  // same read (long-polling batches packets), and must not be applied before the ack's events.
  function subscribe() {
    clearTimeout(retry);
    const attempt = ++attempts;
    live = false;
    socket.timeout(10_000).emit('subscribe', { liveBlogId, afterRevision: revision, epoch }, (error, ack) => {
      if (error || !ack.ok) {
        const retried = error || RETRIED.includes(ack.error.code);
        showConnection(ack ? `Live updates unavailable: ${ack.error.message}` : 'Live updates unavailable');
        // A refusal for a while (busy, rate limited) or no answer: ask again after a growing, jittered wait.
        if (retried && attempt === attempts && socket.connected) retry = setTimeout(subscribe, retryDelay(failures++));
        return;
      }
      failures = 0;
      showConnection('');
      epoch = ack.epoch;
      if (ack.article) {
        redraw(ack.article);
        revision = ack.revision;
      } else ack.events.forEach(apply);
      live = true;
    });
  }
  socket.on('connect', subscribe);
  socket.on('disconnect', (reason) => {
    live = false;
    clearTimeout(retry);
    showConnection('Reconnecting…');
    // Socket.IO retries by itself except when the server closed the socket (a slow reader cut off, a
    // server that said goodbye): come back after a growing, jittered wait and resume from the revision held.
    if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), retryDelay(failures++));
  });
  // A handshake refused for too many new connections from this address is not retried by Socket.IO:
  // come back when the server says, with jitter, so a crowd behind one address spreads out.
  socket.on('connect_error', (error) => {
    if (socket.active) return;
    showConnection('Reconnecting…');
    setTimeout(() => socket.connect(), (1 + Math.random()) * 1000 * (error.data?.retryAfterSeconds ?? 5));
  });
  socket.on('event', (event) => {
    if (live && event.liveBlogId === liveBlogId) apply(event);
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
    keepLatest();
  }

  function redraw(article) {
    story.dataset.revision = String(article.revision);
    feed.redraw(article);
    dom.setLastUpdated(story, article.lastUpdatedAt);
    keepLatest();
    markLinkedUpdate();
  }

  function keepLatest() {
    const list = story.querySelector('[data-updates]');
    while (list.children.length > keepUpdates) list.lastElementChild.remove();
  }

  function showConnection(text) {
    connection.textContent = text;
  }

  pageOlderUpdates(story, liveBlogId, feed);
}

/**
 * Posts `{dateline: {height}}` to the framing page on load and whenever the page's height changes (an
 * update arrives or goes, the frame is resized): the host sizes its iframe so the story needs no scrollbar.
 */
function tellParentHeight() {
  if (window.parent === window) return;
  let posted;
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
function markLinkedUpdate() {
  if (!location.hash.startsWith('#update-')) return;
  document.getElementById(decodeURIComponent(location.hash.slice(1)))?.classList.add('update--linked');
}

/** The wait before retry number `failures` (0 first): 1, 2, 4… up to 30 s, times 0.5 to 1.5. */
function retryDelay(failures) {
  return Math.round(Math.min(30_000, 1000 * 2 ** failures) * (0.5 + Math.random()));
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
