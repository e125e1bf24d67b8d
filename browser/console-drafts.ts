// Unsent text survives a reload, a crash and a dropped connection: every field marked data-draft is
// saved to localStorage under the signed-in account, the story and the field as the editor types,
// with the revision the editor was looking at when they began, and forgotten once the server has
// taken the change. Another account signed in on the same browser never sees it, and signing out
// forgets every draft the browser holds.

/** A field a form sends. */
export type FormField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const PREFIX = 'dateline:draft:';

export class Drafts {
  private readonly prefix: string;

  /** `accountId` is the signed-in editor's; `scope` the story (or the newsroom index) the form belongs to. */
  constructor(accountId: string, scope: string) {
    this.prefix = `${PREFIX}${encodeURIComponent(accountId)}:${scope}:`;
  }

  /** Restores the form's saved fields and saves each as it changes; `revision()` is what the editor sees now. */
  bind(form: HTMLFormElement, revision: () => number): void {
    for (const element of fields(form)) {
      const saved = this.get(element.dataset.draft!);
      if (saved !== null) element.value = saved;
      const save = () => {
        if (this.baseRevision(form) === null) this.setBase(form, revision());
        this.set(element.dataset.draft!, element.value);
      };
      element.addEventListener('input', save);
      element.addEventListener('change', save);
    }
  }

  /** True when any field of the form holds unsent text. */
  has(form: HTMLFormElement): boolean {
    return fields(form).some((element) => this.get(element.dataset.draft!) !== null);
  }

  /** The revision the editor saw when they began this form's draft, or null when nothing is pending. */
  baseRevision(form: HTMLFormElement): number | null {
    const value = localStorage.getItem(this.baseKey(form));
    return value === null ? null : Number(value);
  }

  setBase(form: HTMLFormElement, revision: number): void {
    localStorage.setItem(this.baseKey(form), String(revision));
  }

  /** Forgets the form's drafts (after the server took the change, or the editor discarded it). */
  clear(form: HTMLFormElement): void {
    for (const element of fields(form)) localStorage.removeItem(this.prefix + element.dataset.draft);
    localStorage.removeItem(this.baseKey(form));
  }

  /** Draft names saved for this story that start with `start` (e.g. the open correction forms). */
  names(start: string): string[] {
    const names: string[] = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(this.prefix + start)) names.push(key.slice(this.prefix.length));
    }
    return names;
  }

  get(name: string): string | null {
    return localStorage.getItem(this.prefix + name);
  }

  set(name: string, value: string): void {
    try {
      localStorage.setItem(this.prefix + name, value);
    } catch {
      // Storage full or refused (private mode): the text stays in the field; nothing else to do.
    }
  }

  baseKey(form: HTMLFormElement): string {
    return `${this.prefix}${form.dataset.draftForm}#base`;
  }
}

function fields(form: HTMLFormElement): FormField[] {
  return [...form.querySelectorAll<FormField>('[data-draft]')];
}

/** Forgets every draft this browser holds, whichever account wrote it (older, unkeyed ones too). */
export function forgetAllDrafts(): void {
  const keys: string[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) localStorage.removeItem(key);
}

/** Signing out with the layout's button leaves no unsent text behind for whoever uses the browser next. */
export function forgetDraftsOnSignOut(): void {
  document.querySelector<HTMLFormElement>('form[data-sign-out]')?.addEventListener('submit', forgetAllDrafts);
}
