// Readers' questions in the console (DESIGN §4e): listed live (asked again every few seconds with
// If-None-Match, a 304 when nothing changed), each answered into the story or dismissed.
import { failureMessage, write } from './console-api.js';
import { authHeaders } from './console-auth.js';

const POLL_MS = 5000;

interface Question {
  readonly questionId: string;
  readonly name: string;
  readonly text: string;
  readonly askedAt: string;
  readonly status: 'pending' | 'answered' | 'dismissed' | string;
}

const found = <T extends Element>(parent: ParentNode, selector: string): T => {
  const element = parent.querySelector<T>(selector);
  if (!element) throw new Error(`the console has no ${selector}`);
  return element;
};

function questionsPanel(panel: HTMLElement, liveBlogId: string) {
  const base = `/api/live-blogs/${encodeURIComponent(liveBlogId)}/questions`;
  const waiting = found<HTMLElement>(panel, '[data-questions-list]');
  const done = found<HTMLElement>(panel, '[data-questions-done-list]');
  const template = found<HTMLTemplateElement>(panel, '#question-template');
  /** Items drawn, by question id: an answer being typed survives every redraw. */
  const items = new Map<string, HTMLElement>();
  let etag: string | undefined;

  async function refresh(): Promise<void> {
    let response: Response;
    try {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        ...authHeaders(),
        ...(etag ? { 'If-None-Match': etag } : {}),
      };
      response = await fetch(base, { headers, credentials: 'same-origin' });
    } catch {
      return;
    }
    if (response.status !== 200) return;
    etag = response.headers.get('ETag') ?? undefined;
    draw(((await response.json()) as { questions: Question[] }).questions);
  }

  function draw(questions: readonly Question[]): void {
    const pending = questions.filter((question) => question.status === 'pending');
    found(panel, '[data-questions-count]').textContent = pending.length ? `(${pending.length} waiting)` : '';
    found<HTMLElement>(panel, '[data-questions-empty]').hidden = questions.length > 0;
    found<HTMLElement>(panel, '[data-questions-done]').hidden = pending.length === questions.length;
    for (const question of questions) {
      const item = items.get(question.questionId) ?? build(question);
      found(item, '[data-field="status"]').textContent = question.status === 'pending' ? '' : question.status;
      found<HTMLElement>(item, '[data-answer]').hidden = question.status !== 'pending';
      (question.status === 'pending' ? waiting : done).append(item);
    }
  }

  function build(question: Question): HTMLElement {
    const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    found(item, '[data-field="name"]').textContent = question.name;
    const asked = found<HTMLTimeElement>(item, '[data-field="asked"]');
    asked.dateTime = question.askedAt;
    asked.textContent = new Date(question.askedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    found(item, '[data-field="text"]').textContent = question.text;
    const form = found<HTMLFormElement>(item, '[data-answer]');
    const status = found(form, '[data-form-status]');
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
      if (!body) {
        status.textContent = 'Write an answer first.';
        return;
      }
      const result = await write('POST', `${base}/${question.questionId}/answer`, { body });
      status.textContent = result.ok ? 'Published.' : failureMessage(result);
      if (result.ok) void refresh();
    });
    found(form, '[data-dismiss]').addEventListener('click', async () => {
      const result = await write('POST', `${base}/${question.questionId}/dismissal`, {});
      status.textContent = result.ok ? 'Dismissed.' : failureMessage(result);
      if (result.ok) void refresh();
    });
    items.set(question.questionId, item);
    return item;
  }

  return {
    start(): void {
      void refresh();
      setInterval(() => void refresh(), POLL_MS);
    },
  };
}

const root = document.querySelector<HTMLElement>('[data-console]');
const panel = root?.querySelector<HTMLElement>('[data-questions]');
if (root && panel) questionsPanel(panel, root.dataset.liveBlogId ?? '').start();
