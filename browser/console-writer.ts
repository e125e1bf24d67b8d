// Sends one form's change: with the revision the editor saw (If-Match), shows the API's answer next
// to the fields, explains a 412 in words and keeps the editor's text until the server has it.
import { failureMessage, type WriteAnswer, write } from './console-api.js';
import { signInAgain } from './console-auth.js';
import { changesSince, showConflict } from './console-conflict.js';
import type { Drafts } from './console-drafts.js';
import { type FieldDetails, clearFieldErrors, setStatus, showFieldErrors } from './console-forms.js';

/** A write a form makes, built when it is sent. */
export interface WriteRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface SendOptions {
  readonly doneText: string;
  readonly done?: (result: WriteAnswer) => void;
  readonly discarded?: () => void;
}

export class Writer {
  /** The newest revision this console wrote: a push may not have shown it yet. */
  private ownRevision = -1;
  private readonly attempts = new WeakMap<HTMLFormElement, { request: string; key: string }>();

  /** `seenRevision()` is the revision the console shows now. */
  constructor(
    private readonly liveBlogId: string,
    private readonly drafts: Drafts,
    private readonly seenRevision: () => number,
  ) {}

  /**
   * `request()` builds `{method, path, body}` at send time; `done(result)` runs after a 201 (clear
   * or keep the fields) and `discarded()` after the editor throws a conflicting change away.
   */
  async send(form: HTMLFormElement, request: () => WriteRequest, options: SendOptions): Promise<boolean> {
    const { doneText, done, discarded } = options;
    const { method, path, body } = request();
    const base = this.drafts.baseRevision(form) ?? Math.max(this.seenRevision(), this.ownRevision);
    clearFieldErrors(form);
    setStatus(form, 'busy', 'Sending…');
    const submit = form.querySelector<HTMLButtonElement>('[type="submit"]');
    if (submit) submit.disabled = true;
    const result = await write(method, path, body, {
      ifMatch: base,
      idempotencyKey: this.keyFor(form, method, path, body),
    });
    if (submit) submit.disabled = false;
    if (result.ok) {
      this.ownRevision = Math.max(this.ownRevision, result.revision ?? -1);
      this.attempts.delete(form);
      this.drafts.clear(form);
      setStatus(form, 'done', doneText);
      done?.(result);
      return true;
    }
    if (result.status === 412) await this.conflict(form, base, { request, doneText, done, discarded });
    else if (result.status === 400) this.invalid(form, result);
    else if (result.status === 401) this.signedOut(form, result);
    else setStatus(form, 'error', failureMessage(result));
    return false;
  }

  /** The session ended: say so, and offer the way back (the draft is in this browser's storage). */
  private signedOut(form: HTMLFormElement, result: WriteAnswer): void {
    const status = setStatus(form, 'error', failureMessage(result));
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'button';
    again.textContent = 'Sign in again';
    again.addEventListener('click', signInAgain);
    status.append(again);
  }

  private async conflict(
    form: HTMLFormElement,
    base: number,
    options: SendOptions & { readonly request: () => WriteRequest },
  ): Promise<void> {
    const changes = await changesSince(this.liveBlogId, base);
    const status = setStatus(form, 'error', '');
    showConflict(status, changes, {
      apply: (revision: number | null) => {
        this.drafts.setBase(form, revision ?? Math.max(this.seenRevision(), base));
        void this.send(form, options.request, options);
      },
      discard: () => {
        this.drafts.clear(form);
        this.attempts.delete(form);
        options.discarded?.();
        setStatus(form, 'done', 'Your change was discarded.');
      },
    });
  }

  private invalid(form: HTMLFormElement, result: WriteAnswer): void {
    const unplaced = showFieldErrors(form, result.body?.details as FieldDetails | undefined);
    const marked = form.querySelector('[aria-invalid="true"]');
    setStatus(
      form,
      'error',
      marked && !unplaced.length ? 'Not sent: check the fields marked below.' : failureMessage(result),
    );
  }

  /** The same request sent again (after a dropped connection) keeps its key, so it is written once. */
  private keyFor(form: HTMLFormElement, method: string, path: string, body: unknown): string {
    const request = JSON.stringify([method, path, body]);
    const previous = this.attempts.get(form);
    if (previous?.request === request) return previous.key;
    const key = randomKey();
    this.attempts.set(form, { request, key });
    return key;
  }
}

/** 128 random bits in hex (crypto.randomUUID exists only on https and localhost pages). */
function randomKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
