// Readers' questions in the console (DESIGN §4e): listed live (asked again every few seconds with
// If-None-Match, a 304 when nothing changed), each answered into the story or dismissed.
import { authHeaders } from './console-auth.js';
import { failureMessage, write } from './console-api.js';

const POLL_MS = 5000;

const root = document.querySelector('[data-console]');
const panel = root?.querySelector('[data-questions]');
if (panel) new QuestionsPanel(panel, root.dataset.liveBlogId).start();

function QuestionsPanel(panel, liveBlogId) {
  const base = `/api/live-blogs/${encodeURIComponent(liveBlogId)}/questions`;
  const waiting = panel.querySelector('[data-questions-list]');
  const done = panel.querySelector('[data-questions-done-list]');
  const template = panel.querySelector('#question-template');
  /** Items drawn, by question id: an answer being typed survives every redraw. */
  const items = new Map();
  let etag;

  this.start = () => {
    refresh();
    setInterval(refresh, POLL_MS);
  };

  async function refresh() {
    let response;
    try {
      const headers = { Accept: 'application/json', ...authHeaders(), ...(etag ? { 'If-None-Match': etag } : {}) };
      response = await fetch(base, { headers, credentials: 'same-origin' });
    } catch {
      return;
    }
    if (response.status !== 200) return;
    etag = response.headers.get('ETag') ?? undefined;
    draw((await response.json()).questions);
  }

  function draw(questions) {
    const pending = questions.filter((question) => question.status === 'pending');
    panel.querySelector('[data-questions-count]').textContent = pending.length ? `(${pending.length} waiting)` : '';
    panel.querySelector('[data-questions-empty]').hidden = questions.length > 0;
    panel.querySelector('[data-questions-done]').hidden = pending.length === questions.length;
    for (const question of questions) {
      const item = items.get(question.questionId) ?? build(question);
      item.querySelector('[data-field="status"]').textContent = question.status === 'pending' ? '' : question.status;
      item.querySelector('[data-answer]').hidden = question.status !== 'pending';
      (question.status === 'pending' ? waiting : done).append(item);
    }
  }

  function build(question) {
    const item = template.content.firstElementChild.cloneNode(true);
    item.querySelector('[data-field="name"]').textContent = question.name;
    const asked = item.querySelector('[data-field="asked"]');
    asked.dateTime = question.askedAt;
    asked.textContent = new Date(question.askedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    item.querySelector('[data-field="text"]').textContent = question.text;
    const form = item.querySelector('[data-answer]');
    const status = form.querySelector('[data-form-status]');
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      const body = form.elements.body.value.trim();
      if (!body) return (status.textContent = 'Write an answer first.');
      const result = await write('POST', `${base}/${question.questionId}/answer`, { body });
      status.textContent = result.ok ? 'Published.' : failureMessage(result);
      if (result.ok) refresh();
    });
    form.querySelector('[data-dismiss]').addEventListener('click', async () => {
      const result = await write('POST', `${base}/${question.questionId}/dismissal`, {});
      status.textContent = result.ok ? 'Dismissed.' : failureMessage(result);
      if (result.ok) refresh();
    });
    items.set(question.questionId, item);
    return item;
  }
}
