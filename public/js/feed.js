// Applies pushed events to the page. New updates go on top, or, when the reader has scrolled down
// into the story, wait behind an "N new updates" button so the text does not move under them.
import * as dom from './article-dom.js';
import { KeyEvents } from './key-events.js';

export class Feed {
  constructor(story, announce) {
    this.story = story;
    this.announce = announce;
    this.list = story.querySelector('[data-updates]');
    this.button = story.querySelector('[data-new-updates]');
    this.pending = [];
    this.keyEvents = new KeyEvents(story, () => this.pageAt());
    this.button.addEventListener('click', () => this.showPending({ focus: true }));
    window.addEventListener('scroll', () => this.pending.length && this.atTop() && this.showPending({ focus: false }), {
      passive: true,
    });
  }

  apply(event) {
    this.applyToStory(event);
    const { updateId } = event.data;
    this.keyEvents.apply(event, typeof updateId === 'string' ? this.update(updateId) : undefined);
    // The JSON-LD follows from the article view, fetched again a few seconds after a change.
    this.keyEvents.refreshSoon();
  }

  applyToStory(event) {
    const data = event.data;
    switch (event.type) {
      case 'UpdatePosted':
        return data.retracted
          ? undefined
          : this.posted({ ...data, revision: event.revision, at: event.at, corrected: null });
      case 'UpdateCorrected':
        return this.corrected(data, event.at);
      case 'UpdateRetracted':
        return this.retracted(data.updateId);
      case 'UpdateRedacted':
        return this.redacted(data);
      case 'UpdatePinned':
        return this.pinned(data.updateId);
      case 'UpdateUnpinned':
        return (this.keyPoint(data.updateId)?.remove(), this.refreshKeyPoints());
      case 'HeadlineChanged':
        return this.headline(data.title);
      case 'SummaryRevised':
        return this.summary(data.summary);
      case 'CasualtyFiguresRevised':
        return this.figures(data, event.at);
      case 'TimelineEntryAdded':
        return dom.addTimelineEntry(this.story, data);
      case 'LocationStatusUpdated':
        return dom.setPlace(this.story, { ...data, at: event.at }, this.pageAt());
      case 'LiveBlogClosed':
        return (dom.setStatus(this.story, 'closed'), this.announce('This live page has ended.'));
      default:
        return undefined;
    }
  }

  posted(update) {
    const element = dom.updateElement(update, this.pageAt());
    element.classList.add('update--new');
    if (this.atTop()) {
      this.list.prepend(element);
      this.announce(`New update: ${element.querySelector('[data-field="body"]').textContent.slice(0, 140)}`);
      return;
    }
    this.pending.unshift(element);
    this.button.textContent = this.pending.length === 1 ? '1 new update' : `${this.pending.length} new updates`;
    this.button.hidden = false;
    this.announce(this.button.textContent);
  }

  /** Puts the waiting updates on top; after a click, takes the reader to the newest. */
  showPending({ focus }) {
    if (!this.pending.length) return;
    const newest = this.pending[0];
    this.list.prepend(...this.pending);
    this.pending = [];
    this.button.hidden = true;
    if (focus) {
      newest.scrollIntoView({ block: 'start' });
      newest.focus({ preventScroll: true });
    }
  }

  corrected({ updateId, body, reason, headline }, at) {
    const element = this.update(updateId);
    if (element) {
      dom.correctBody(element, body);
      if (headline) dom.setHeadline(element, headline);
      dom.setCorrection(element, { at, reason }, this.pageAt());
    }
    const point = this.keyPoint(updateId);
    if (point) point.replaceWith(dom.keyPoint({ updateId, body }));
    this.announce(`An update was corrected: ${reason}`);
  }

  retracted(updateId) {
    this.update(updateId)?.remove();
    this.pending = this.pending.filter((element) => element.dataset.updateId !== updateId);
    if (!this.pending.length) this.button.hidden = true;
    this.keyPoint(updateId)?.remove();
    this.refreshKeyPoints();
  }

  /** The named fields show the placeholder from now on, on the update and on its key point. */
  redacted({ updateId, fields, text }) {
    const element = this.update(updateId) ?? this.pending.find((pending) => pending.dataset.updateId === updateId);
    if (element) {
      for (const name of fields) {
        if (name === 'body') dom.correctBody(element, text);
        else dom.field(element, name.replace('.', '-')).textContent = text;
        if (name === 'media.caption') dom.field(element, 'media-image').alt = text;
      }
    }
    const point = this.keyPoint(updateId);
    if (point && fields.includes('body')) point.replaceWith(dom.keyPoint({ updateId, body: text }));
  }

  pinned(updateId) {
    const element = this.update(updateId);
    if (!element || this.keyPoint(updateId)) return;
    const point = dom.keyPoint({ updateId, body: '' });
    point
      .querySelector('.key-points__body')
      .append(...element.querySelector('[data-field="body"]').cloneNode(true).childNodes);
    this.story.querySelector('[data-key-points-list]').append(point);
    this.refreshKeyPoints();
  }

  headline(title) {
    dom.field(this.story.querySelector('.story__header'), 'title').textContent = title;
    document.title = `${title} | Dateline`;
    this.announce(`Headline: ${title}`);
  }

  summary(summary) {
    const element = dom.field(this.story.querySelector('.story__header'), 'summary');
    element.textContent = summary;
    element.hidden = !summary;
  }

  /** A revision that gives one figure keeps the other from before, as the fold does. */
  figures(data, at) {
    const previous = dom.currentFigures(this.story);
    const casualties = { ...data, dead: data.dead ?? previous.dead, injured: data.injured ?? previous.injured, at };
    dom.setCasualties(this.story, casualties, this.pageAt());
    this.announce(
      `Casualty figures revised: ${this.story.querySelector('[data-casualties] [data-field="words"]').textContent}`,
    );
  }

  /** Replaces everything from an article view (the ack's, when the gap could not be replayed). */
  redraw(article) {
    const pageAt = article.lastUpdatedAt;
    this.pending = [];
    this.button.hidden = true;
    this.headline(article.title);
    this.summary(article.summary);
    this.list.replaceChildren(...article.updates.map((update) => dom.updateElement(update, pageAt)));
    const pinned = article.pinned.map((id) => article.updates.find((update) => update.updateId === id)).filter(Boolean);
    dom.setKeyPoints(this.story, pinned);
    dom.setCasualties(this.story, article.casualties, pageAt);
    this.story.querySelector('[data-timeline-list]').replaceChildren();
    article.timeline.forEach((entry) => dom.addTimelineEntry(this.story, entry));
    this.story.querySelector('[data-timeline]').hidden = article.timeline.length === 0;
    this.story.querySelector('[data-places-list]').replaceChildren();
    article.locations.forEach((place) => dom.setPlace(this.story, place, pageAt));
    this.story.querySelector('[data-places]').hidden = article.locations.length === 0;
    dom.setStatus(this.story, article.status);
    this.keyEvents.redraw(article);
  }

  appendOlder(updates) {
    const known = new Set([...this.list.children].map((element) => element.dataset.updateId));
    const pageAt = this.pageAt();
    this.list.append(
      ...updates.filter((update) => !known.has(update.updateId)).map((update) => dom.updateElement(update, pageAt)),
    );
  }

  /** True while the top of the updates is in view: a new update can go there without moving what is read. */
  atTop() {
    return this.list.getBoundingClientRect().top >= 0;
  }

  pageAt() {
    return dom.field(this.story, 'last-updated').dateTime;
  }

  update(updateId) {
    return [...this.list.children, ...this.pending].find((element) => element.dataset.updateId === updateId);
  }

  keyPoint(updateId) {
    return [...this.story.querySelector('[data-key-points-list]').children].find(
      (element) => element.dataset.updateId === updateId,
    );
  }

  refreshKeyPoints() {
    this.story.querySelector('[data-key-points]').hidden =
      this.story.querySelector('[data-key-points-list]').children.length === 0;
  }
}
