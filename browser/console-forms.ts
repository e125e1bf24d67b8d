// Reading a form into an API body, and showing what the API said about it next to the fields.
import type { FormField } from './console-drafts.js';

/** A JSON body read from a form: strings, numbers and nested objects. */
export interface FormBody {
  [name: string]: string | number | FormBody | undefined;
}

/** What a 400 says about fields: `details.fields[]`, or the domain's `details.field`. */
export interface FieldDetails {
  readonly fields?: ReadonlyArray<{ readonly field: string; readonly problems: readonly string[] }>;
  readonly field?: string;
}

/** The form's named fields as a JSON body: dotted names nest (`media.url`), empty ones are left out. */
export function formBody(form: HTMLFormElement): FormBody {
  const body: FormBody = {};
  for (const element of form.elements as unknown as Iterable<FormField | HTMLButtonElement>) {
    if (element instanceof HTMLButtonElement) continue;
    if (!element.name || element.type === 'submit' || element.type === 'button') continue;
    const value = element.value.trim();
    if (value === '') continue;
    const path = element.name.split('.');
    let target = body;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as FormBody;
    target[path.at(-1)!] = element.type === 'number' ? Number(value) : value;
  }
  return body;
}

/**
 * Marks the fields a 400 names (`details.fields[]`, or the domain's `details.field`); answers the
 * problems no field took.
 */
export function showFieldErrors(form: HTMLFormElement, details: FieldDetails | null | undefined): string[] {
  const problems = details?.fields ?? (details?.field ? [{ field: details.field, problems: [] }] : []);
  const unplaced: string[] = [];
  for (const { field, problems: messages } of problems) {
    const element = form.elements.namedItem(field);
    if (!element || element instanceof RadioNodeList) {
      unplaced.push(...messages);
      continue;
    }
    markInvalid(element, messages.join('; ') || 'Check this field.');
  }
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  return unplaced;
}

function markInvalid(element: Element, message: string): void {
  const error = document.createElement('p');
  error.className = 'field__error';
  error.id = `${element.id}-error`;
  error.textContent = message;
  element.setAttribute('aria-invalid', 'true');
  element.setAttribute(
    'aria-describedby',
    [element.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '),
  );
  element.after(error);
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const error of form.querySelectorAll('.field__error')) {
    const element = form.querySelector(`[aria-describedby~="${CSS.escape(error.id)}"]`);
    if (element) {
      element.removeAttribute('aria-invalid');
      const rest = element
        .getAttribute('aria-describedby')!
        .split(' ')
        .filter((id) => id !== error.id);
      if (rest.length) element.setAttribute('aria-describedby', rest.join(' '));
      else element.removeAttribute('aria-describedby');
    }
    error.remove();
  }
}

/** The form's status line: `kind` is 'done', 'error' or 'busy'. */
export function setStatus(form: HTMLFormElement, kind: 'done' | 'error' | 'busy', text: string): HTMLElement {
  const status = form.querySelector<HTMLElement>(':scope > [data-form-status]')!;
  status.replaceChildren();
  status.className = `form__status form__status--${kind}`;
  if (!text) return status;
  const line = document.createElement('p');
  line.textContent = text;
  line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.append(line);
  return status;
}

/** Ctrl+Enter (or ⌘+Enter) sends the form the editor is typing in. */
export function submitOnCtrlEnter(form: HTMLFormElement): void {
  form.addEventListener('keydown', (key) => {
    if (key.key !== 'Enter' || !(key.ctrlKey || key.metaKey)) return;
    key.preventDefault();
    form.requestSubmit();
  });
}
