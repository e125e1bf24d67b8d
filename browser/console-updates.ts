// The tools on each update of the console's live view: correct (with a reason), retract (a reason
// and a confirmation), pin or unpin, and mark or unmark as a key event. Updates arrive and change through the reader's own live
// script; these tools are added to each update element as it appears.
import { setStatus, submitOnCtrlEnter } from './console-forms.js';
import { field } from './article-dom.js';
import type { Drafts, FormField } from './console-drafts.js';
import type { Writer } from './console-writer.js';

/** A question the editor confirms in the page (console.ts's dialog): answers true when they do. */
export type Confirm = (question: { heading: string; text: string; ok: string }) => Promise<boolean>;

export interface ToolsContext {
  /** The API path of the story. */
  readonly base: string;
  readonly writer: Writer;
  readonly drafts: Drafts;
  readonly confirm: Confirm;
  readonly seenRevision: () => number;
}

type EditorKind = 'correct' | 'retract';

export class UpdateTools {
  private readonly list: HTMLElement;
  private readonly keyPoints: HTMLElement;
  private readonly keyEvents: HTMLElement;

  constructor(
    story: HTMLElement,
    private readonly context: ToolsContext,
  ) {
    this.list = story.querySelector<HTMLElement>('[data-updates]')!;
    this.keyPoints = story.querySelector<HTMLElement>('[data-key-points-list]')!;
    this.keyEvents = story.querySelector<HTMLElement>('[data-key-events-list]')!;
  }

  attach(): void {
    const equip = () =>
      [...(this.list.children as HTMLCollectionOf<HTMLElement>)].forEach((element) => this.equip(element));
    new MutationObserver(equip).observe(this.list, { childList: true });
    new MutationObserver(() => this.refreshPins()).observe(this.keyPoints, { childList: true });
    new MutationObserver(() => this.refreshKeyEvents()).observe(this.keyEvents, { childList: true });
    equip();
  }

  private equip(element: HTMLElement): void {
    if (!element.dataset.updateId || element.querySelector('[data-update-tools]')) return;
    const updateId = element.dataset.updateId;
    const tools = form(`pin.${updateId}`, 'update-tools');
    tools.dataset.updateTools = '';
    const buttons = document.createElement('div');
    buttons.className = 'update-tools__buttons';
    buttons.append(
      button('Correct', 'tool', () => this.open(element, 'correct')),
      button('Retract', 'tool tool--danger', () => this.open(element, 'retract')),
      button(this.isPinned(updateId) ? 'Unpin' : 'Pin', 'tool', () => this.togglePin(element, tools)),
    );
    (buttons.lastElementChild as HTMLElement).dataset.pin = '';
    const keyEvent = button('Key event', 'tool', () => this.toggleKeyEvent(element, tools));
    keyEvent.dataset.keyEvent = '';
    keyEvent.setAttribute('aria-pressed', String(this.isKeyEvent(updateId)));
    buttons.append(keyEvent);
    tools.append(buttons, statusArea());
    element.append(tools);
    for (const kind of ['correct', 'retract'] as const)
      if (this.context.drafts.names(`${kind}.${updateId}.`).length) this.open(element, kind);
  }

  private isPinned(updateId: string | undefined): boolean {
    return [...(this.keyPoints.children as HTMLCollectionOf<HTMLElement>)].some(
      (item) => item.dataset.updateId === updateId,
    );
  }

  private refreshPins(): void {
    for (const pin of this.list.querySelectorAll('[data-pin]')) {
      pin.textContent = this.isPinned(pin.closest<HTMLElement>('[data-update-id]')?.dataset.updateId) ? 'Unpin' : 'Pin';
    }
  }

  private togglePin(element: HTMLElement, tools: HTMLFormElement): void {
    const updateId = element.dataset.updateId ?? '';
    const pinned = this.isPinned(updateId);
    const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/pin`;
    void this.context.writer.send(tools, () => ({ method: pinned ? 'DELETE' : 'PUT', path, body: {} }), {
      doneText: pinned ? 'Unpinned: no longer a key point.' : 'Pinned as a key point.',
    });
  }

  private isKeyEvent(updateId: string | undefined): boolean {
    return [...(this.keyEvents.children as HTMLCollectionOf<HTMLElement>)].some(
      (item) => item.dataset.updateId === updateId,
    );
  }

  /** The toggle shows whether the update is a key event now (pressed) as the list changes. */
  private refreshKeyEvents(): void {
    for (const toggle of this.list.querySelectorAll('[data-key-event]')) {
      const updateId = toggle.closest<HTMLElement>('[data-update-id]')?.dataset.updateId;
      toggle.setAttribute('aria-pressed', String(this.isKeyEvent(updateId)));
    }
  }

  private toggleKeyEvent(element: HTMLElement, tools: HTMLFormElement): void {
    const updateId = element.dataset.updateId ?? '';
    const marked = this.isKeyEvent(updateId);
    const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/key-event`;
    void this.context.writer.send(tools, () => ({ method: marked ? 'DELETE' : 'PUT', path, body: {} }), {
      doneText: marked ? 'No longer a key event.' : 'Marked as a key event: readers see it in the list.',
    });
  }

  /** Opens the correction or retraction form under the update (once). */
  private open(element: HTMLElement, kind: EditorKind): void {
    const updateId = element.dataset.updateId ?? '';
    const existing = element.querySelector(`[data-draft-form="${kind}.${updateId}"]`);
    if (existing) return existing.querySelector<FormField>('textarea, input')?.focus();
    const editor = kind === 'correct' ? this.correctionForm(element, updateId) : this.retractionForm(updateId);
    element.append(editor);
    this.context.drafts.bind(editor, this.context.seenRevision);
    submitOnCtrlEnter(editor);
    editor.querySelector<FormField>('textarea, input')?.focus();
  }

  private correctionForm(element: HTMLElement, updateId: string): HTMLFormElement {
    const editor = form(`correct.${updateId}`, 'form update-form');
    const body = textField(editor, 'textarea', {
      id: `correct-${updateId}-body`,
      name: 'body',
      label: 'Corrected text',
      draft: `correct.${updateId}.body`,
    });
    body.value = field(element, 'body').innerHTML.trim();
    const headline = textField(editor, 'input', {
      id: `correct-${updateId}-headline`,
      name: 'headline',
      label: 'Headline (optional, at most 120 characters)',
      draft: `correct.${updateId}.headline`,
    });
    headline.value = (field(element, 'headline').textContent ?? '').trim();
    if (headline instanceof HTMLInputElement) headline.maxLength = 120;
    textField(editor, 'input', {
      id: `correct-${updateId}-reason`,
      name: 'reason',
      label: 'Reason for the correction (readers see it)',
      draft: `correct.${updateId}.reason`,
    });
    editor.append(statusArea(), actions(editor, 'Save correction', 'button button--primary', this.cancel(editor)));
    editor.addEventListener('submit', (submit) => {
      submit.preventDefault();
      const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/corrections`;
      void this.context.writer.send(editor, () => ({ method: 'POST', path, body: withoutEmpty(values(editor)) }), {
        doneText: 'Corrected.',
        done: () => {
          editor.remove();
          setStatus(
            element.querySelector<HTMLFormElement>('[data-update-tools]')!,
            'done',
            'Corrected: readers see the new text with your reason.',
          );
        },
        discarded: () => editor.remove(),
      });
    });
    return editor;
  }

  private retractionForm(updateId: string): HTMLFormElement {
    const editor = form(`retract.${updateId}`, 'form update-form update-form--retract');
    textField(editor, 'input', {
      id: `retract-${updateId}-reason`,
      name: 'reason',
      label: 'Reason for retraction (required, kept for auditors; readers do not see it)',
      draft: `retract.${updateId}.reason`,
    });
    editor.append(statusArea(), actions(editor, 'Retract update', 'button button--danger', this.cancel(editor)));
    editor.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      const reason = (editor.elements.namedItem('reason') as HTMLInputElement).value.trim();
      if (!reason)
        return setStatus(editor, 'error', 'Give a reason for the retraction: it is kept on the record for auditors.');
      const sure = await this.context.confirm({
        heading: 'Retract this update?',
        text: `Readers will no longer see it. The reason, kept for auditors: “${reason}”.`,
        ok: 'Retract update',
      });
      if (!sure) return setStatus(editor, 'done', 'Not retracted.');
      const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/retraction`;
      await this.context.writer.send(editor, () => ({ method: 'POST', path, body: { reason } }), {
        doneText: 'Retracted.',
      });
    });
    return editor;
  }

  private cancel(editor: HTMLFormElement): () => void {
    return () => {
      this.context.drafts.clear(editor);
      editor.remove();
    };
  }
}

function form(draftForm: string, className: string): HTMLFormElement {
  const element = document.createElement('form');
  element.className = className;
  element.noValidate = true;
  element.dataset.draftForm = draftForm;
  return element;
}

function textField(
  editor: HTMLFormElement,
  tag: 'textarea' | 'input',
  { id, name, label, draft }: { id: string; name: string; label: string; draft: string },
): HTMLTextAreaElement | HTMLInputElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const caption = document.createElement('label');
  caption.htmlFor = id;
  caption.textContent = label;
  const input = document.createElement(tag);
  input.id = id;
  input.name = name;
  input.dataset.draft = draft;
  if (input instanceof HTMLTextAreaElement) input.rows = 4;
  else input.autocomplete = 'off';
  wrapper.append(caption, input);
  editor.append(wrapper);
  return input;
}

function values(editor: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(
    [...editor.querySelectorAll<FormField>('[name]')].map((input) => [input.name, input.value.trim()]),
  );
}

/** An emptied optional field is left out: the update keeps what it had. */
function withoutEmpty(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}

function statusArea(): HTMLDivElement {
  const status = document.createElement('div');
  status.className = 'form__status';
  status.dataset.formStatus = '';
  return status;
}

function actions(_editor: HTMLFormElement, text: string, className: string, cancel: () => void): HTMLDivElement {
  const row = document.createElement('div');
  row.className = 'form__actions';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = className;
  submit.textContent = text;
  row.append(submit, button('Cancel', 'button', cancel));
  return row;
}

function button(text: string, className: string, click: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', click);
  return element;
}
