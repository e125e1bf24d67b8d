import type { CasualtyFigures, Figure, OpenedBlog } from '../live-blog/index.js';
import type { Author } from '../kernel/index.js';

/** One revision of the casualty figures: the counts as they stood after it, and who stated them when. */
export interface FiguresRevision {
  readonly revision: number;
  readonly at: string;
  readonly author: Author;
  readonly dead: Figure | null;
  readonly injured: Figure | null;
  readonly source: string;
  readonly scope: string | null;
  readonly note: string | null;
}

/** Every revision of the figures, oldest first (the fold keeps them in that order). */
export function figuresHistory(blog: OpenedBlog): FiguresRevision[] {
  return blog.casualtyHistory.map(toRevision);
}

function toRevision({ revision, at, author, dead, injured, source, scope, note }: CasualtyFigures): FiguresRevision {
  return { revision, at, author, dead, injured, source, scope, note };
}

const COLUMNS = [
  'revision',
  'at',
  'author_id',
  'author_name',
  'author_role',
  'dead_count',
  'dead_qualifier',
  'injured_count',
  'injured_qualifier',
  'source',
  'scope',
  'note',
] as const;

/** RFC 4180 CSV with a header row and CRLF line ends, one line per revision. */
export function figuresCsv(history: readonly FiguresRevision[]): string {
  const rows = history.map((figures) => [
    figures.revision,
    figures.at,
    figures.author.id,
    figures.author.name,
    figures.author.role,
    figures.dead?.count ?? null,
    figures.dead?.qualifier ?? null,
    figures.injured?.count ?? null,
    figures.injured?.qualifier ?? null,
    figures.source,
    figures.scope,
    figures.note,
  ]);
  return `${[COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Editors' text goes to auditors' spreadsheets: a leading = + - @ would run there as a formula.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
