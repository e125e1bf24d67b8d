// Applies pushed events to the page. New updates go on top, or, when the reader has scrolled down
// into the story, wait behind an "N new updates" button so the text does not move under them.
import { type ArticleView, type PublicEvent, type PublicUpdate, typedEvent } from '../packages/client/src/wire.js';
import * as dom from './article-dom.js';
import { KeyEvents } from './key-events.js';

export class Feed {
  private readonly list: HTMLElement;
  private readonly button: HTMLButtonElement;
  private pending: HTMLElement[] = [];
  private readonly keyEvents: KeyEvents;

  constructor(
    private readonly story: HTMLElement,
    private readonly announce: (text: string) => void,
  ) {
    this.list = story.querySelector<HTMLElement>('[data-updates]')!;
    this.button = story.querySelector<HTMLButtonElement>('[data-new-updates]')!;
    this.keyEvents = new KeyEvents(story, () => this.pageAt());
    this.button.addEventListener('click', () => this.showPending({ focus: true }));
    window.addEventListener('scroll', () => this.pending.length && this.atTop() && this.showPending({ focus: false }), {
      passive: true,
    });
  }

  apply(event: PublicEvent): void {
    this.applyToLiveBlog(event);
    const { updateId } = event.data;
    this.keyEvents.apply(event, typeof updateId === 'string' ? this.update(updateId) : undefined);
    // The JSON-LD follows from the article view, fetched again a few seconds after a change.
    this.keyEvents.refreshSoon();
  }

  private applyToLiveBlog(pushed: PublicEvent): void {
    const event = typedEvent(pushed);
    switch (event.type) {
      case 'UpdatePosted':
        return event.data.retracted
          ? undefined
          : this.posted({ ...event.data, revision: event.revision, at: event.at, corrected: null });
      case 'UpdateCorrected':
        return event.data.retracted ? undefined : this.corrected(event.data, event.at);
      case 'UpdateRetracted':
        return this.retracted(event.data.updateId);
      case 'UpdateRedacted':
        return this.redacted(event.data);
      case 'UpdatePinned':
        return this.pinned(event.data.updateId);
      case 'UpdateUnpinned':
        return (this.keyPoint(event.data.updateId)?.remove(), this.refreshKeyPoints());
      case 'HeadlineChanged':
        return this.headline(event.data.title);
      case 'SummaryRevised':
        return this.summary(event.data.summary);
      case 'CasualtyFiguresRevised':
        return this.figures(event.data, event.at);
      case 'TimelineEntryAdded':
        return dom.addTimelineEntry(this.story, event.data);
      case 'LocationStatusUpdated':
        return dom.setPlace(this.story, { ...event.data, at: event.at }, this.pageAt());
      case 'LiveBlogClosed':
        return (dom.setStatus(this.story, 'closed'), this.announce('This live page has ended.'));
      default:
        return undefined;
    }
  }

  private posted(update: dom.DrawnUpdate): void {
    const element = dom.updateElement(update, this.pageAt());
    element.classList.add('update--new');
    if (this.atTop()) {
      this.list.prepend(element);
      this.announce(`New update: ${dom.field(element, 'body').textContent!.slice(0, 140)}`);
      return;
    }
    this.pending.unshift(element);
    this.button.textContent = this.pending.length === 1 ? '1 new update' : `${this.pending.length} new updates`;
    this.button.hidden = false;
    this.announce(this.button.textContent);
  }

  /** Puts the waiting updates on top; after a click, takes the reader to the newest. */
  private showPending({ focus }: { focus: boolean }): void {
    if (!this.pending.length) return;
    const newest = this.pending[0]!;
    this.list.prepend(...this.pending);
    this.pending = [];
    this.button.hidden = true;
    if (focus) {
      newest.scrollIntoView({ block: 'start' });
      newest.focus({ preventScroll: true });
    }
  }

  private corrected(
    { updateId, body, reason, headline }: { updateId: string; body: string; reason: string; headline?: string },
    at: string,
  ): void {
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

  private retracted(updateId: string): void {
    this.update(updateId)?.remove();
    this.pending = this.pending.filter((element) => element.dataset.updateId !== updateId);
    if (!this.pending.length) this.button.hidden = true;
    this.keyPoint(updateId)?.remove();
    this.refreshKeyPoints();
  }

  /** The named fields show the placeholder from now on, on the update and on its key point. */
  private redacted({ updateId, fields, text }: { updateId: string; fields: readonly string[]; text: string }): void {
    const element = this.update(updateId) ?? this.pending.find((pending) => pending.dataset.updateId === updateId);
    if (element) {
      for (const name of fields) {
        if (name === 'body') dom.correctBody(element, text);
        else dom.field(element, name.replace('.', '-')).textContent = text;
        if (name === 'media.caption') dom.field<HTMLImageElement>(element, 'media-image').alt = text;
      }
    }
    const point = this.keyPoint(updateId);
    if (point && fields.includes('body')) point.replaceWith(dom.keyPoint({ updateId, body: text }));
  }

  private pinned(updateId: string): void {
    const element = this.update(updateId);
    if (!element || this.keyPoint(updateId)) return;
    const point = dom.keyPoint({ updateId, body: '' });
    point.querySelector('.key-points__body')!.append(...dom.field(element, 'body').cloneNode(true).childNodes);
    this.story.querySelector('[data-key-points-list]')!.append(point);
    this.refreshKeyPoints();
  }

  private headline(title: string): void {
    dom.field(this.story.querySelector('.story__header')!, 'title').textContent = title;
    document.title = `${title} | Dateline`;
    this.announce(`Headline: ${title}`);
  }

  private summary(summary: string | null | undefined): void {
    const element = dom.field(this.story.querySelector('.story__header')!, 'summary');
    summary ??= '';
    element.textContent = summary;
    element.hidden = !summary;
  }

  /** A revision that gives one figure keeps the other from before, as the fold does. */
  private figures(
    data: Omit<dom.DrawnCasualties, 'at' | 'dead' | 'injured'> & {
      dead?: dom.DrawnCasualties['dead'];
      injured?: dom.DrawnCasualties['injured'];
    },
    at: string,
  ): void {
    const previous = dom.currentFigures(this.story);
    const casualties = { ...data, dead: data.dead ?? previous.dead, injured: data.injured ?? previous.injured, at };
    dom.setCasualties(this.story, casualties, this.pageAt());
    this.announce(
      `Casualty figures revised: ${this.story.querySelector('[data-casualties] [data-field="words"]')!.textContent}`,
    );
  }

  /** Replaces everything from an article view (the ack's, when the gap could not be replayed). */
  redraw(article: ArticleView): void {
    const pageAt = article.lastUpdatedAt;
    this.pending = [];
    this.button.hidden = true;
    this.headline(article.title);
    this.summary(article.summary);
    this.list.replaceChildren(...article.updates.map((update) => dom.updateElement(update, pageAt)));
    const pinned = article.pinned
      .map((id) => article.updates.find((update) => update.updateId === id))
      .filter((update) => update !== undefined);
    dom.setKeyPoints(this.story, pinned);
    dom.setCasualties(this.story, article.casualties, pageAt);
    this.story.querySelector('[data-timeline-list]')!.replaceChildren();
    article.timeline.forEach((entry) => dom.addTimelineEntry(this.story, entry));
    this.story.querySelector<HTMLElement>('[data-timeline]')!.hidden = article.timeline.length === 0;
    this.story.querySelector('[data-places-list]')!.replaceChildren();
    article.locations.forEach((place) => dom.setPlace(this.story, place, pageAt));
    this.story.querySelector<HTMLElement>('[data-places]')!.hidden = article.locations.length === 0;
    dom.setStatus(this.story, article.status);
    this.keyEvents.redraw(article);
  }

  appendOlder(updates: readonly PublicUpdate[]): void {
    const known = new Set([...this.list.children].map((element) => (element as HTMLElement).dataset.updateId));
    const pageAt = this.pageAt();
    this.list.append(
      ...updates.filter((update) => !known.has(update.updateId)).map((update) => dom.updateElement(update, pageAt)),
    );
  }

  /** True while the top of the updates is in view: a new update can go there without moving what is read. */
  private atTop(): boolean {
    return this.list.getBoundingClientRect().top >= 0;
  }

  private pageAt(): string {
    return dom.field<HTMLTimeElement>(this.story, 'last-updated').dateTime;
  }

  private update(updateId: string): HTMLElement | undefined {
    return [...(this.list.children as HTMLCollectionOf<HTMLElement>), ...this.pending].find(
      (element) => element.dataset.updateId === updateId,
    );
  }

  private keyPoint(updateId: string): HTMLElement | undefined {
    const list = this.story.querySelector('[data-key-points-list]')!;
    return [...(list.children as HTMLCollectionOf<HTMLElement>)].find(
      (element) => element.dataset.updateId === updateId,
    );
  }

  private refreshKeyPoints(): void {
    this.story.querySelector<HTMLElement>('[data-key-points]')!.hidden =
      this.story.querySelector('[data-key-points-list]')!.children.length === 0;
  }
}
