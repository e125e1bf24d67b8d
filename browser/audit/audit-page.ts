// The auditor's page: sign in with a token kept for this tab, then the story's integrity, the page
// as it stood at any revision or instant, the casualty figures over time, and diffs between revisions.
import { ApiError, authorisedGet, bearerOf, getJson, session } from './api.js';
import { showDiff } from './diff-list.js';
import { drawFiguresChart, fillFiguresTable } from './figures-chart.js';
import { element } from './format.js';
import type { EventsPage } from '../../src/audit/audit.service.js';
import type { BlogDiff } from '../../src/audit/diff.js';
import type { FiguresRevision } from '../../src/audit/figures-history.js';
import type { IntegrityReport } from '../../src/audit/hash-chain-verifier.js';
import { type IndexEntry, Replay, type ReplayElements } from './replay.js';

/** An element of views/audit.eta, by its id. */
const $ = <E extends HTMLElement = HTMLElement>(id: string): E => document.getElementById(id) as E;
const input = (id: string) => $<HTMLInputElement>(id);
const root = $('audit');
const id = root.dataset.liveBlogId ?? '';
const api = (path: string) => `/api/live-blogs/${encodeURIComponent(id)}${path}`;
const EVENTS_PAGE = 1000;

function showError(error: unknown): void {
  const box = $('audit-error');
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
  if (error instanceof ApiError && error.signInAgain) signOut({ keepError: true });
}

function clearError() {
  $('audit-error').hidden = true;
  $('audit-error').textContent = '';
}

function signOut({ keepError = false } = {}): void {
  session.forget();
  $('audit-body').hidden = true;
  $('sign-in-section').hidden = false;
  if (!keepError) clearError();
  $('token').focus();
}

/** revision → {at, type, author} for every stored event, read a page at a time. */
async function eventIndex(): Promise<IndexEntry[]> {
  const index: IndexEntry[] = [];
  for (let from: number | null = 0; from !== null; ) {
    const page: EventsPage = await getJson<EventsPage>(api(`/events?fromRevision=${from}&limit=${EVENTS_PAGE}`));
    for (const event of page.events) {
      // Every stored event's metadata says when and who (src/live-blog/application/envelope.ts).
      const { at, author } = event.metadata as Pick<IndexEntry, 'at' | 'author'>;
      index[event.revision] = { at, type: event.type, author };
    }
    from = page.nextFromRevision;
  }
  return index;
}

/** Why a chain breaks, in words (src/audit/hash-chain-verifier.ts). */
const CHAIN_PROBLEMS: Readonly<Record<string, string>> = {
  missing: 'the revision is missing or out of order',
  content: 'its content no longer matches its stored hash',
  link: 'its link to the previous event does not hold',
  redaction: 'a redaction does not hold (text emptied with no redaction event to say so, or removed text is back)',
};

function showIntegrity(report: IntegrityReport): void {
  const line = $('integrity');
  line.className = report.ok ? 'integrity-ok' : 'integrity-broken';
  line.textContent = report.ok
    ? `Intact: the hash chain of all ${report.checked} stored events checks out.`
    : `Broken at revision ${report.firstBrokenRevision}: ${CHAIN_PROBLEMS[report.problem ?? ''] ?? report.problem}. ` +
      `${report.checked} events read; nothing from that revision on can be trusted.`;
  // Lawful redactions the chain proves: the text is gone, the record says who removed what and why.
  for (const found of report.redactions ?? []) {
    const item = document.createElement('span');
    item.className = 'integrity-redaction';
    item.textContent =
      `Revision ${found.revision}: ${found.fields.join(', ')} redacted at revision ${found.redactedAt} ` +
      `by ${found.by.name}, reference ${found.reference}.`;
    line.append(document.createElement('br'), item);
  }
}

async function showFigures(index: readonly IndexEntry[]): Promise<void> {
  const { revisions } = await getJson<{ revisions: FiguresRevision[] }>(api('/casualty-figures/history'));
  // From the opening to the last revision of the figures: an edit made years later must not squash the day.
  const opened = index.find(Boolean)!.at;
  $('figures-count').textContent = `${revisions.length} revision${revisions.length === 1 ? '' : 's'} of the figures`;
  fillFiguresTable($<HTMLTableElement>('figures-table').tBodies[0]!, revisions);
  drawFiguresChart($<HTMLCanvasElement>('figures-chart'), revisions, opened);
}

async function showDiffBetween(from: number, to: number): Promise<void> {
  if (!(from <= to)) return showError(new Error('The first revision of a diff must not come after the second.'));
  clearError();
  showDiff($('diff-list'), $('diff-summary'), await getJson<BlogDiff>(api(`/diff?from=${from}&to=${to}`)));
}

async function downloadCsv(event: MouseEvent): Promise<void> {
  event.preventDefault();
  try {
    const response = await authorisedGet((event.currentTarget as HTMLAnchorElement).href, { accept: 'text/csv' });
    const url = URL.createObjectURL(await response.blob());
    const link = element('a');
    Object.assign(link, { href: url, download: `${id}-casualty-figures.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    showError(error);
  }
}

async function open(): Promise<void> {
  clearError();
  const token = session.token();
  const bearer = token ? bearerOf(token) : session.account;
  $('bearer').textContent = bearer ? `${bearer.name} (${bearer.role})` : 'an unreadable token';
  // An account's session ends with the sign-out at the top of the page; this button forgets a token.
  $('sign-out').hidden = !token;
  const [integrity, index] = await Promise.all([getJson<IntegrityReport>(api('/integrity')), eventIndex()]);
  $('sign-in-section').hidden = true;
  $('audit-body').hidden = false;
  showIntegrity(integrity);
  const head = index.length - 1;
  replay.load(index);
  const asked = Number.parseInt(new URLSearchParams(location.search).get('revision') ?? '', 10);
  await replay.show({ revision: asked >= 0 && asked <= head ? asked : head });
  Object.assign($('diff-from'), { max: head, value: Math.max(0, head - 1) });
  Object.assign($('diff-to'), { max: head, value: head });
  await Promise.all([showFigures(index), showDiffBetween(Math.max(0, head - 1), head)]);
}

function replayElements(): ReplayElements {
  return {
    slider: input('revision'),
    back: $<HTMLButtonElement>('revision-back'),
    forward: $<HTMLButtonElement>('revision-forward'),
    form: $<HTMLFormElement>('replay-controls'),
    instant: input('instant'),
    label: $('revision-label'),
    view: $('as-of'),
    record: input('show-retracted'),
  };
}

const replay = new Replay(replayElements(), id, showError);

function start(): void {
  open().catch(showError);
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = input('token')
    .value.trim()
    .replace(/^Bearer\s+/i, '');
  if (!token) return showError(new Error('Paste an auditor token first.'));
  session.keep(token);
  input('token').value = '';
  start();
});
$('sign-out').addEventListener('click', () => signOut());
$('figures-csv').addEventListener('click', downloadCsv);
$('diff-form').addEventListener('submit', (event) => {
  event.preventDefault();
  showDiffBetween(Number(input('diff-from').value), Number(input('diff-to').value)).catch(showError);
});

const { accountName, accountRole } = root.dataset;
session.account = accountRole ? { name: accountName ?? '', role: accountRole } : null;
if (session.token() || session.account) start();
else $('sign-in-section').hidden = false;
