// The revision slider and the instant picker: each asks the server for the reader's page as it stood
// (rendered by the reader page's own template) and shows it, the newest answer only.
import { authorisedGet } from './api.js';
import { authorWords, clockTime, localValueOf, utcInstantOf } from './format.js';

/** The controls the replay drives (views/audit.eta). */
export interface ReplayElements {
  readonly slider: HTMLInputElement;
  readonly back: HTMLButtonElement;
  readonly forward: HTMLButtonElement;
  readonly form: HTMLFormElement;
  readonly record: HTMLInputElement;
  readonly instant: HTMLInputElement;
  readonly view: HTMLElement;
  readonly label: HTMLElement;
}

/** One stored event as the replay names it. */
export interface IndexEntry {
  readonly at: string;
  readonly type: string;
  readonly author: { readonly name: string; readonly role: string };
}

type Point =
  | { readonly revision: number; readonly at?: undefined }
  | { readonly at: string; readonly revision?: undefined };

const SLIDER_PAUSE_MS = 120;

export class Replay {
  private index: readonly IndexEntry[] = [];
  private request: AbortController | null = null;
  private pause: ReturnType<typeof setTimeout> | undefined;

  /** `onError` shows a refusal; `load` gives the story's events before the first `show`. */
  constructor(
    private readonly elements: ReplayElements,
    private readonly id: string,
    private readonly onError: (error: Error) => void,
  ) {
    const { slider, back, forward, form, record } = elements;
    slider.addEventListener('input', () => this.soon(Number(slider.value)));
    record.addEventListener('change', () => this.step(0));
    back.addEventListener('click', () => this.step(-1));
    forward.addEventListener('click', () => this.step(1));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.showInstant(elements.instant.value);
    });
    // The page's links to its newer and older updates are plain links; here they are fetched with the token.
    elements.view.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-as-of-page]');
      if (!link) return;
      event.preventDefault();
      void this.fetchPage(link.getAttribute('href') ?? '').then(() => elements.view.scrollTo({ top: 0 }));
    });
  }

  /** `index[revision]` = {at, type, author} of every stored event. */
  load(index: readonly IndexEntry[]): void {
    this.index = index;
    this.elements.slider.max = String(this.head);
  }

  get head(): number {
    return this.index.length - 1;
  }

  step(by: number): void {
    const revision = Math.min(this.head, Math.max(0, Number(this.elements.slider.value) + by));
    this.show({ revision });
  }

  /** While the thumb moves, only the revision it rests on is fetched. */
  soon(revision: number): void {
    this.label(revision);
    clearTimeout(this.pause);
    this.pause = setTimeout(() => this.show({ revision }), SLIDER_PAUSE_MS);
  }

  showInstant(value: string): Promise<void> | void {
    const at = utcInstantOf(value);
    if (!at) return this.onError(new Error('Pick a date and a time (UTC) to see the page as it stood then.'));
    return this.show({ at });
  }

  /** Fetches and shows the page at {revision} or {at}, its newest updates. */
  show(point: Point): Promise<void> {
    const query = new URLSearchParams(
      point.revision !== undefined ? { revision: String(point.revision) } : { at: point.at },
    );
    if (this.elements.record.checked) query.set('view', 'record');
    return this.fetchPage(`/audit/${encodeURIComponent(this.id)}/as-of?${query}`, point.revision);
  }

  /** Fetches and shows one page of the as-of view; a newer request cancels an older one. */
  async fetchPage(path: string, revision?: number): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    const { view } = this.elements;
    view.setAttribute('aria-busy', 'true');
    try {
      const response = await authorisedGet(path, { accept: 'text/html', signal: request.signal });
      const html = await response.text();
      if (request.signal.aborted) return;
      // The server rendered this with the reader page's template, every field escaped and bodies sanitised.
      view.innerHTML = html;
      this.settle(Number((view.firstElementChild as HTMLElement | null)?.dataset.revision ?? revision));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.onError(error as Error);
    } finally {
      if (this.request === request) view.setAttribute('aria-busy', 'false');
    }
  }

  /** Slider, label, picker and address all say the revision shown. */
  settle(revision: number): void {
    this.elements.slider.value = String(revision);
    this.label(revision);
    const at = this.index[revision]?.at;
    if (at) this.elements.instant.value = localValueOf(at);
    this.elements.back.disabled = revision <= 0;
    this.elements.forward.disabled = revision >= this.head;
    history.replaceState(null, '', `?revision=${revision}`);
  }

  label(revision: number): void {
    const event = this.index[revision];
    const said = event ? ` · ${clockTime(event.at)} · ${event.type} by ${authorWords(event.author)}` : '';
    this.elements.label.textContent = `${revision} of ${this.head}${said}`;
    const spoken = `revision ${revision}${event ? `, ${clockTime(event.at)}` : ''}`;
    this.elements.slider.setAttribute('aria-valuetext', spoken);
  }
}
