// What waits behind the story in the console: scheduled updates with a countdown to their time, and
// contributors' submissions to approve or reject. Neither reaches the readers' socket, so the lists
// ask the newsroom routes again every few seconds, and after each action here.
import { failureMessage, read, write } from './console-api.js';

const REFRESH_MS = 5000;

interface Named {
  readonly name: string;
}

interface QueuedText {
  readonly kind: string;
  readonly body: string;
  readonly headline?: string | null;
}

interface ScheduledItem extends QueuedText {
  readonly updateId: string;
  readonly publishAt: string;
  readonly scheduledBy: Named;
}

interface SubmissionItem extends QueuedText {
  readonly submissionId: string;
  readonly contributor: Named;
}

function start(root: HTMLElement, queue: HTMLElement): void {
  const base = `/api/live-blogs/${encodeURIComponent(root.dataset.liveBlogId ?? '')}`;
  const status = queue.querySelector('[data-queue-status]');
  const refresh = async (): Promise<void> => {
    const [scheduled, submissions] = await Promise.all([
      read<{ scheduled: ScheduledItem[] }>(`${base}/scheduled`),
      read<{ submissions: SubmissionItem[] }>(`${base}/submissions`),
    ]);
    if (scheduled) drawScheduled(queue, scheduled.scheduled);
    if (submissions) drawSubmissions(queue, submissions.submissions);
    tick(queue);
  };
  const act = async (method: string, path: string, body: unknown, done: string): Promise<void> => {
    const result = await write(method, path, body, { idempotencyKey: crypto.randomUUID() });
    if (status) status.textContent = result.ok ? done : failureMessage(result);
    await refresh();
  };
  queue.addEventListener('click', (click) => {
    const button = (click.target as Element | null)?.closest('button');
    const item = button?.closest<HTMLElement>('.queue__item');
    if (!button || !item) return;
    const { updateId = '', submissionId = '' } = item.dataset;
    if (button.hasAttribute('data-cancel-scheduled'))
      void act('DELETE', `${base}/scheduled/${encodeURIComponent(updateId)}`, {}, 'Scheduled update cancelled.');
    if (button.hasAttribute('data-approve'))
      void act(
        'POST',
        `${base}/submissions/${encodeURIComponent(submissionId)}/approval`,
        {},
        'Approved and published.',
      );
    if (button.hasAttribute('data-reject')) {
      const reason = window.prompt('Why is this submission rejected? (the record keeps it; readers never see it)');
      if (reason?.trim())
        void act('POST', `${base}/submissions/${encodeURIComponent(submissionId)}/rejection`, { reason }, 'Rejected.');
    }
  });
  // The story's own form may have scheduled one: look again after each write the console sends.
  root.addEventListener('submit', () => setTimeout(() => void refresh(), 500));
  tick(queue);
  setInterval(() => tick(queue), 1000);
  setInterval(() => void refresh(), REFRESH_MS);
}

/** Each scheduled item's local time, and how long until the server publishes it. */
function tick(queue: HTMLElement): void {
  const now = Date.now();
  for (const time of queue.querySelectorAll<HTMLElement>('[data-publish-at]')) {
    const at = new Date(time.dataset.publishAt ?? '');
    time.textContent = at.toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });
    const countdown = time.closest('.queue__item')?.querySelector('[data-countdown]');
    if (countdown) countdown.textContent = countdownWords(at.getTime() - now);
  }
}

/** "in 2 h 05 min", "in 4 min 09 s", "in 12 s", then "publishing now". */
export function countdownWords(ms: number): string {
  if (ms <= 0) return 'publishing now';
  const seconds = Math.ceil(ms / 1000);
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor(seconds / 3600) % 24;
  const minutes = Math.floor(seconds / 60) % 60;
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (days > 0) return `in ${days} d ${hours} h`;
  if (hours > 0) return `in ${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `in ${minutes} min ${pad(rest)} s`;
  return `in ${rest} s`;
}

function drawScheduled(queue: HTMLElement, items: readonly ScheduledItem[]): void {
  const list = queue.querySelector('[data-scheduled-list]');
  const empty = queue.querySelector<HTMLElement>('[data-scheduled-empty]');
  if (empty) empty.hidden = items.length > 0;
  list?.replaceChildren(
    ...items.map((item) => {
      const time = element('time', '', { datetime: item.publishAt, 'data-publish-at': item.publishAt });
      const when = element('p', 'queue__time', {}, [
        time,
        ' · ',
        element('span', 'queue__countdown', { 'data-countdown': '' }),
      ]);
      const cancel = button('Cancel', 'button button--small', 'data-cancel-scheduled');
      const meta = element('p', 'queue__meta', {}, [`Scheduled by ${item.scheduledBy.name} `, cancel]);
      return element('li', 'queue__item', { 'data-update-id': item.updateId }, [when, textLine(item), meta]);
    }),
  );
}

function drawSubmissions(queue: HTMLElement, items: readonly SubmissionItem[]): void {
  const list = queue.querySelector('[data-submissions-list]');
  const empty = queue.querySelector<HTMLElement>('[data-submissions-empty]');
  if (empty) empty.hidden = items.length > 0;
  list?.replaceChildren(
    ...items.map((item) => {
      const approve = button('Approve', 'button button--small', 'data-approve');
      const reject = button('Reject', 'button button--small button--danger', 'data-reject');
      const meta = element('p', 'queue__meta', {}, [`From ${item.contributor.name} `, approve, ' ', reject]);
      return element('li', 'queue__item', { 'data-submission-id': item.submissionId }, [textLine(item), meta]);
    }),
  );
}

/** The headline (or the kind) and the text: as text, never as markup. */
function textLine(item: QueuedText): HTMLElement {
  return element('p', 'queue__text', {}, [`${item.headline ?? item.kind}: ${item.body}`]);
}

function button(label: string, className: string, marker: string): HTMLElement {
  return element('button', className, { type: 'button', [marker]: '' }, [label]);
}

function element(
  tag: string,
  className: string,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const root = document.querySelector<HTMLElement>('[data-console]');
const queue = root?.querySelector<HTMLElement>('[data-queue]');
if (root && queue) start(root, queue);
