// The key events list and the page's JSON-LD, kept in step with pushed events. A key event's line is
// the update's own headline or the first sentence of its text (update-headline.js, the server's rule
// too); an update that is not on this page, and the JSON-LD, come from the article view instead.
import { updateTime } from '../src/shared/browser.js';
import { updateHeadline } from '../src/shared/browser.js';
import type { ArticleView, KeyEvent, PublicEvent } from '../packages/client/src/wire.js';
import { field } from './article-dom.js';

/** How long after a change the JSON-LD is fetched again: a few seconds, spread so readers do not ask at once. */
const JSON_LD_DELAY_MS = [3_000, 13_000];

export class KeyEvents {
  private readonly box: HTMLElement;
  private readonly list: HTMLElement;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly story: HTMLElement,
    private readonly pageAt: () => string,
  ) {
    this.box = story.querySelector<HTMLElement>('[data-key-events]')!;
    this.list = story.querySelector<HTMLElement>('[data-key-events-list]')!;
  }

  apply(event: PublicEvent, updateElement: HTMLElement | undefined): void {
    const updateId = String(event.data.updateId);
    switch (event.type) {
      case 'KeyEventMarked':
        return updateElement ? this.put(updateElement) : this.refreshSoon(0);
      case 'KeyEventUnmarked':
      case 'UpdateRetracted':
        return this.remove(updateId);
      case 'UpdateCorrected':
      case 'UpdateRedacted':
        return this.entry(updateId) && updateElement ? this.put(updateElement) : undefined;
      default:
        return undefined;
    }
  }

  /** Adds or redraws the line of an update shown on this page, in the order the updates were posted. */
  put(updateElement: HTMLElement): void {
    const { updateId = '', revision } = updateElement.dataset;
    const headline = updateHeadline(
      field(updateElement, 'headline').textContent,
      plainTextOf(field(updateElement, 'body')),
    );
    const at = field<HTMLTimeElement>(updateElement, 'time').dateTime;
    this.place(line({ updateId, headline, at, revision: Number(revision) }, `#update-${updateId}`, this.pageAt()));
  }

  /** Every line again from an article view (a redraw, or an update this page does not hold). */
  redraw(article: ArticleView & { readonly jsonLd?: unknown }): void {
    const shown = new Set(
      [...this.story.querySelectorAll<HTMLElement>('[data-updates] [data-update-id]')].map((e) => e.dataset.updateId),
    );
    const liveBlogId = encodeURIComponent(article.id);
    this.list.replaceChildren(
      ...article.keyEvents.map((keyEvent) => {
        const anchor = `#update-${keyEvent.updateId}`;
        const href = shown.has(keyEvent.updateId)
          ? anchor
          : `/live/${liveBlogId}?before=${keyEvent.revision + 1}${anchor}`;
        return line(keyEvent, href, article.lastUpdatedAt);
      }),
    );
    this.box.hidden = this.list.children.length === 0;
    setJsonLd(article.jsonLd);
  }

  remove(updateId: string): void {
    this.entry(updateId)?.remove();
    this.box.hidden = this.list.children.length === 0;
  }

  entry(updateId: string): HTMLElement | undefined {
    return [...(this.list.children as HTMLCollectionOf<HTMLElement>)].find(
      (item) => item.dataset.updateId === updateId,
    );
  }

  place(item: HTMLElement): void {
    this.entry(item.dataset.updateId ?? '')?.remove();
    const later = [...(this.list.children as HTMLCollectionOf<HTMLElement>)].find(
      (other) => Number(other.dataset.revision) > Number(item.dataset.revision),
    );
    this.list.insertBefore(item, later ?? null);
    this.box.hidden = false;
  }

  /** Fetches the article after a change (once for a burst of them) and redraws the list and the JSON-LD. */
  refreshSoon(delay = JSON_LD_DELAY_MS[0] + Math.random() * (JSON_LD_DELAY_MS[1] - JSON_LD_DELAY_MS[0])): void {
    if (this.refreshTimer !== null && delay > 0) return;
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    const liveBlogId = encodeURIComponent(this.story.dataset.liveBlogId ?? '');
    try {
      const response = await fetch(`/api/live-blogs/${liveBlogId}`, { cache: 'no-cache' });
      if (response.ok) this.redraw((await response.json()) as ArticleView);
    } catch {
      // The next change asks again; the page keeps what it shows.
    }
  }
}

function line(
  keyEvent: Pick<KeyEvent, 'updateId' | 'headline' | 'at' | 'revision'>,
  href: string,
  pageAt: string,
): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.updateId = keyEvent.updateId;
  item.dataset.revision = String(keyEvent.revision);
  const link = document.createElement('a');
  link.href = href;
  const time = document.createElement('time');
  time.dateTime = keyEvent.at;
  time.textContent = updateTime(keyEvent.at, pageAt);
  const text = document.createElement('span');
  text.dataset.field = 'headline';
  text.textContent = keyEvent.headline;
  link.append(time, ' ', text);
  item.append(link);
  return item;
}

/** A body's text with its blocks apart, as the server's plain text of it. */
function plainTextOf(body: HTMLElement): string {
  const copy = body.cloneNode(true) as HTMLElement;
  for (const block of copy.querySelectorAll('p, li, blockquote, br')) block.after(' ');
  return copy.textContent ?? '';
}

/**
 * The JSON-LD is data, not script (CSP does not run it): its text is replaced. The API names the site
 * only when PUBLIC_URL is set; otherwise its URLs are paths, made absolute here as the server does.
 */
function setJsonLd(jsonLd: unknown): void {
  const element = document.querySelector('script[type="application/ld+json"]');
  if (!element || !jsonLd) return;
  element.textContent = JSON.stringify(jsonLd, (key, value: unknown) =>
    typeof value === 'string' && ['@id', 'url', 'mainEntityOfPage'].includes(key) && value.startsWith('/')
      ? new URL(value, location.origin).href
      : value,
  );
}
