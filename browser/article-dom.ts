// Draws the parts of the reader's page with DOM APIs only (textContent, setAttribute, the safe body):
// the same structure as views/partials/*.eta, whose blank update is the <template> filled here.
import { casualtyWords, kindLabel, lastUpdatedLine, localTime, updateTime } from '../src/shared/browser.js';
import type { ArticleView, PublicUpdate } from '../packages/client/src/wire.js';
import { allowedUrl, safeBody } from './safe-body.js';

/** An update as a page draws it: the article view's, or one built from a pushed event. */
export type DrawnUpdate = Pick<PublicUpdate, 'updateId' | 'revision' | 'kind' | 'body' | 'at'> &
  Partial<Pick<PublicUpdate, 'headline' | 'attribution' | 'byline' | 'location' | 'sources' | 'media' | 'corrected'>>;

/** The casualty box: the article's, or one built from a pushed revision. */
type ArticleCasualties = NonNullable<ArticleView['casualties']>;
export type DrawnCasualties = Pick<ArticleCasualties, 'dead' | 'injured' | 'source' | 'at'> &
  Partial<Pick<ArticleCasualties, 'scope' | 'note'>>;
export type DrawnPlace = Pick<ArticleView['locations'][number], 'place' | 'status' | 'at'>;
export type DrawnTimelineEntry = ArticleView['timeline'][number];
type Figures = Pick<DrawnCasualties, 'dead' | 'injured'>;

export const field = <E extends HTMLElement = HTMLElement>(root: ParentNode, name: string): E =>
  root.querySelector<E>(`[data-field="${name}"]`)!;

function setOptional(element: HTMLElement, text: string | null | undefined): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}

function setTime(element: HTMLElement, iso: string | null | undefined, pageAt: string | null): void {
  if (!(element instanceof HTMLTimeElement)) return;
  element.dateTime = iso ?? '';
  element.textContent = iso ? updateTime(iso, pageAt) : '';
}

/** A new update element, filled from a public update (the article view's, or one built from an event). */
export function updateElement(update: DrawnUpdate, pageAt: string | null): HTMLElement {
  const template = document.getElementById('update-template') as HTMLTemplateElement;
  const element = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  element.id = `update-${update.updateId}`;
  element.dataset.updateId = update.updateId;
  element.dataset.revision = String(update.revision);
  element.className = `update update--${update.kind}`;
  setTime(field(element, 'time'), update.at, pageAt);
  field(element, 'kind').textContent = kindLabel(update.kind);
  setPermalink(element, update.updateId);
  setHeadline(element, update.headline);
  field(element, 'body').replaceChildren(safeBody(update.body));
  for (const name of ['attribution', 'byline', 'location', 'sources'] as const)
    setOptional(field(element, name), update[name]);
  setMedia(element, update.media);
  setCorrection(element, update.corrected, pageAt);
  return element;
}

/** The update's own address (/live/:id/updates/:updateId), as views/partials/update.eta writes it. */
function setPermalink(element: HTMLElement, updateId: string): void {
  const link = element.querySelector<HTMLAnchorElement>('[data-field="permalink"]');
  const story = document.querySelector<HTMLElement>('[data-article]');
  if (!link || !story) return;
  const id = encodeURIComponent(updateId);
  link.href = `/live/${encodeURIComponent(story.dataset.liveBlogId ?? '')}/updates/${id}#update-${id}`;
}

function setMedia(element: HTMLElement, media: PublicUpdate['media'] | undefined): void {
  const figure = field(element, 'media');
  const usable = media && allowedUrl(media.url);
  figure.hidden = !usable;
  if (!usable) return;
  const image = field<HTMLImageElement>(element, 'media-image');
  image.alt = media.caption ?? '';
  image.src = media.url;
  setOptional(field(element, 'media-caption'), media.caption);
  setOptional(field(element, 'media-credit'), media.credit);
}

/** The visible "Corrected" note with its time and reason. */
export function setCorrection(
  element: HTMLElement,
  corrected: PublicUpdate['corrected'] | undefined,
  pageAt: string | null,
): void {
  field(element, 'correction').hidden = !corrected;
  if (!corrected) return;
  setTime(field(element, 'correction-time'), corrected.at, pageAt);
  field(element, 'correction-reason').textContent = corrected.reason;
}

/** The update's own headline, hidden when it has none. */
export function setHeadline(element: HTMLElement, headline: string | null | undefined): void {
  setOptional(field(element, 'headline'), headline);
}

export function correctBody(element: HTMLElement, body: string): void {
  field(element, 'body').replaceChildren(safeBody(body));
}

/** "Page last updated at 17:37 GMT, Thursday, 8 April 2010" and the story's own zone beside it. */
export function setLastUpdated(story: HTMLElement, iso: string): void {
  setTime(field(story, 'last-updated'), iso, null);
  field(story, 'last-updated').textContent = lastUpdatedLine(iso);
  setOptional(field(story, 'local-time'), localTime(iso, story.dataset.timeZone));
}

/** The casualty box in words; `figures` holds the current figures after the fold's rule (carry the other over). */
export function setCasualties(story: HTMLElement, casualties: DrawnCasualties | null, pageAt: string | null): void {
  const box = story.querySelector<HTMLElement>('[data-casualties]')!;
  box.hidden = !casualties;
  if (!casualties) return;
  box.dataset.figures = JSON.stringify({ dead: casualties.dead, injured: casualties.injured });
  field(box, 'words').textContent = casualtyWords(casualties) ?? '';
  setOptional(field(box, 'scope'), casualties.scope);
  field(box, 'source').textContent = casualties.source;
  setTime(field(box, 'at'), casualties.at, pageAt);
  setOptional(field(box, 'note'), casualties.note);
}

export function currentFigures(story: HTMLElement): Figures {
  const json = story.querySelector<HTMLElement>('[data-casualties]')!.dataset.figures;
  return json ? (JSON.parse(json) as Figures) : { dead: null, injured: null };
}

/** Adds or changes one place's status, keeping the order in which places first appeared. */
export function setPlace(story: HTMLElement, { place, status, at }: DrawnPlace, pageAt: string | null): void {
  const list = story.querySelector('[data-places-list]')!;
  let item = [...list.children].find((each) => (each as HTMLElement).dataset.place === place) as
    | HTMLElement
    | undefined;
  if (!item) {
    item = document.createElement('li');
    item.dataset.place = place;
    const name = document.createElement('h3');
    name.className = 'places__name';
    name.dataset.field = 'place';
    name.textContent = place;
    const text = document.createElement('p');
    text.className = 'places__status';
    text.dataset.field = 'status';
    const time = document.createElement('p');
    time.className = 'places__time';
    time.append('Updated ', Object.assign(document.createElement('time'), { className: 'places__at' }));
    (time.lastChild as HTMLElement).dataset.field = 'at';
    item.append(name, text, time);
    list.append(item);
  }
  field(item, 'status').textContent = status;
  setTime(field(item, 'at'), at, pageAt);
  story.querySelector<HTMLElement>('[data-places]')!.hidden = false;
}

export function addTimelineEntry(story: HTMLElement, { entryId, period, text }: DrawnTimelineEntry): void {
  const item = document.createElement('li');
  item.dataset.entryId = entryId;
  const periodElement = document.createElement('span');
  periodElement.className = 'timeline__period';
  periodElement.dataset.field = 'period';
  periodElement.textContent = period;
  const textElement = document.createElement('span');
  textElement.className = 'timeline__text';
  textElement.dataset.field = 'text';
  textElement.textContent = text;
  item.append(periodElement, ' ', textElement);
  story.querySelector('[data-timeline-list]')!.append(item);
  story.querySelector<HTMLElement>('[data-timeline]')!.hidden = false;
}

/** Key points: the pinned updates' bodies, in pin order. */
export function setKeyPoints(story: HTMLElement, pinned: ReadonlyArray<Pick<PublicUpdate, 'updateId' | 'body'>>): void {
  const list = story.querySelector('[data-key-points-list]')!;
  list.replaceChildren(...pinned.map(keyPoint));
  story.querySelector<HTMLElement>('[data-key-points]')!.hidden = pinned.length === 0;
}

export function keyPoint(update: Pick<PublicUpdate, 'updateId' | 'body'>): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.updateId = update.updateId;
  const body = document.createElement('div');
  body.className = 'key-points__body';
  body.append(safeBody(update.body));
  item.append(body);
  return item;
}

/** Live or ended: the badges and the closing note. */
export function setStatus(story: HTMLElement, status: string): void {
  story.dataset.status = status;
  story.querySelector<HTMLElement>('[data-live-badge]')!.hidden = status !== 'live';
  story.querySelector<HTMLElement>('[data-ended-badge]')!.hidden = status === 'live';
  story.querySelector<HTMLElement>('[data-closed]')!.hidden = status === 'live';
}
