// The tools on each update of the console's live view: correct (with a reason), retract (a reason
// and a confirmation), pin or unpin, and mark or unmark as a key event. Updates arrive and change through the reader's own live
// script; these tools are added to each update element as it appears.
import { setStatus, submitOnCtrlEnter } from './console-forms.js';
import { field } from './article-dom.js';

export class UpdateTools {
  /** `context`: { base (the API path of the story), writer, drafts, confirm, seenRevision }. */
  constructor(story, context) {
    this.story = story;
    this.context = context;
    this.list = story.querySelector('[data-updates]');
    this.keyPoints = story.querySelector('[data-key-points-list]');
    this.keyEvents = story.querySelector('[data-key-events-list]');
  }

  attach() {
    const equip = () => [...this.list.children].forEach((element) => this.equip(element));
    new MutationObserver(equip).observe(this.list, { childList: true });
    new MutationObserver(() => this.refreshPins()).observe(this.keyPoints, { childList: true });
    new MutationObserver(() => this.refreshKeyEvents()).observe(this.keyEvents, { childList: true });
    equip();
  }

  equip(element) {
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
    buttons.lastElementChild.dataset.pin = '';
    const keyEvent = button('Key event', 'tool', () => this.toggleKeyEvent(element, tools));
    keyEvent.dataset.keyEvent = '';
    keyEvent.setAttribute('aria-pressed', String(this.isKeyEvent(updateId)));
    buttons.append(keyEvent);
    tools.append(buttons, statusArea());
    element.append(tools);
    for (const kind of ['correct', 'retract'])
      if (this.context.drafts.names(`${kind}.${updateId}.`).length) this.open(element, kind);
  }

  isPinned(updateId) {
    return [...this.keyPoints.children].some((item) => item.dataset.updateId === updateId);
  }

  refreshPins() {
    for (const pin of this.list.querySelectorAll('[data-pin]')) {
      pin.textContent = this.isPinned(pin.closest('[data-update-id]').dataset.updateId) ? 'Unpin' : 'Pin';
    }
  }

  togglePin(element, tools) {
    const updateId = element.dataset.updateId;
    const pinned = this.isPinned(updateId);
    const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/pin`;
    void this.context.writer.send(tools, () => ({ method: pinned ? 'DELETE' : 'PUT', path, body: {} }), {
      doneText: pinned ? 'Unpinned: no longer a key point.' : 'Pinned as a key point.',
    });
  }

  isKeyEvent(updateId) {
    return [...this.keyEvents.children].some((item) => item.dataset.updateId === updateId);
  }

  /** The toggle shows whether the update is a key event now (pressed) as the list changes. */
  refreshKeyEvents() {
    for (const toggle of this.list.querySelectorAll('[data-key-event]')) {
      const updateId = toggle.closest('[data-update-id]').dataset.updateId;
      toggle.setAttribute('aria-pressed', String(this.isKeyEvent(updateId)));
    }
  }

  toggleKeyEvent(element, tools) {
    const updateId = element.dataset.updateId;
    const marked = this.isKeyEvent(updateId);
    const path = `${this.context.base}/updates/${encodeURIComponent(updateId)}/key-event`;
    void this.context.writer.send(tools, () => ({ method: marked ? 'DELETE' : 'PUT', path, body: {} }), {
      doneText: marked ? 'No longer a key event.' : 'Marked as a key event: readers see it in the list.',
    });
  }

  /** Opens the correction or retraction form under the update (once). */
  open(element, kind) {
    const updateId = element.dataset.updateId;
    const existing = element.querySelector(`[data-draft-form="${kind}.${updateId}"]`);
    if (existing) return existing.querySelector('textarea, input').focus();
    const editor = kind === 'correct' ? this.correctionForm(element, updateId) : this.retractionForm(updateId);
    element.append(editor);
    this.context.drafts.bind(editor, this.context.seenRevision);
    submitOnCtrlEnter(editor);
    editor.querySelector('textarea, input').focus();
  }

  correctionForm(element, updateId) {
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
    headline.value = field(element, 'headline').textContent.trim();
    headline.maxLength = 120;
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
            element.querySelector('[data-update-tools]'),
            'done',
            'Corrected: readers see the new text with your reason.',
          );
        },
        discarded: () => editor.remove(),
      });
    });
    return editor;
  }

  retractionForm(updateId) {
    const editor = form(`retract.${updateId}`, 'form update-form update-form--retract');
    textField(editor, 'input', {
      id: `retract-${updateId}-reason`,
      name: 'reason',
      label: 'Reason for retraction (required, readers see it)',
      draft: `retract.${updateId}.reason`,
    });
    editor.append(statusArea(), actions(editor, 'Retract update', 'button button--danger', this.cancel(editor)));
    editor.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      const reason = editor.elements.reason.value.trim();
      if (!reason)
        return setStatus(editor, 'error', 'Give a reason for the retraction: readers see it in place of the update.');
      const sure = await this.context.confirm({
        heading: 'Retract this update?',
        text: `Readers will no longer see it. The reason shown: “${reason}”.`,
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

  cancel(editor) {
    return () => {
      this.context.drafts.clear(editor);
      editor.remove();
    };
  }
}

function form(draftForm, className) {
  const element = document.createElement('form');
  element.className = className;
  element.noValidate = true;
  element.dataset.draftForm = draftForm;
  return element;
}

function textField(editor, tag, { id, name, label, draft }) {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const caption = document.createElement('label');
  caption.htmlFor = id;
  caption.textContent = label;
  const input = document.createElement(tag);
  input.id = id;
  input.name = name;
  input.dataset.draft = draft;
  if (tag === 'textarea') input.rows = 4;
  else input.autocomplete = 'off';
  wrapper.append(caption, input);
  editor.append(wrapper);
  return input;
}

function values(editor) {
  return Object.fromEntries([...editor.querySelectorAll('[name]')].map((input) => [input.name, input.value.trim()]));
}

/** An emptied optional field is left out: the update keeps what it had. */
function withoutEmpty(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}

function statusArea() {
  const status = document.createElement('div');
  status.className = 'form__status';
  status.dataset.formStatus = '';
  return status;
}

function actions(_editor, text, className, cancel) {
  const row = document.createElement('div');
  row.className = 'form__actions';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = className;
  submit.textContent = text;
  row.append(submit, button('Cancel', 'button', cancel));
  return row;
}

function button(text, className, click) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', click);
  return element;
}
