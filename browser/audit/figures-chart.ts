// The casualty figures over time: a Chart.js line per count (one point per revision of the figures,
// qualifiers marked by the point's shape) and the same points as a table for keyboards and screen readers.
import type { FiguresRevision } from '../../src/audit/figures-history.js';
import { authorWords, clockTime, dayOf, element, figureWords, hourMinute, instant } from './format.js';

/** Chart.js as its UMD build leaves it on the page (src/pages/pages.setup.ts serves it): what this file calls. */
interface ChartGlobal {
  new (canvas: HTMLCanvasElement, config: unknown): unknown;
  getChart(canvas: HTMLCanvasElement): { destroy(): void } | undefined;
}
declare global {
  interface Window {
    Chart: ChartGlobal;
  }
}

/** A point of the chart, which keeps its revision of the figures for the tooltip. */
interface Point {
  readonly x: number;
  readonly y: number | null;
  readonly figures: FiguresRevision;
}
interface TooltipItem {
  readonly raw: Point;
  readonly datasetIndex: number;
  readonly dataset: { readonly label: string };
}
type Series = (typeof SERIES)[number];

/** The shape that marks a figure's qualifier, in the chart and in its key. */
export const POINT_STYLE: Readonly<Record<string, string>> = {
  exact: 'circle',
  'at-least': 'rect',
  'more-than': 'triangle',
  about: 'rectRot',
};

const SERIES = [
  { field: 'dead', label: 'Dead', color: '#b00020', axis: 'y', dash: [] as number[] },
  { field: 'injured', label: 'Injured', color: '#1f5fa8', axis: 'y1', dash: [6, 4] },
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Draws (or redraws) the chart on the canvas; the time axis runs from `opened` to the last revision. */
export function drawFiguresChart(
  canvas: HTMLCanvasElement,
  revisions: readonly FiguresRevision[],
  opened: string,
): unknown {
  window.Chart.getChart(canvas)?.destroy();
  return new window.Chart(canvas, {
    type: 'line',
    data: { datasets: SERIES.map((series) => datasetOf(series, revisions)) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: scalesOf(revisions, opened),
      plugins: { legend: { position: 'top' }, tooltip: { callbacks: tooltipLines } },
    },
  });
}

function datasetOf(series: Series, revisions: readonly FiguresRevision[]) {
  return {
    label: series.label,
    yAxisID: series.axis,
    // Each point keeps its revision, so the tooltip can name the source and author.
    data: revisions.map(
      (figures): Point => ({
        x: Date.parse(figures.at),
        y: figures[series.field]?.count ?? null,
        figures,
      }),
    ),
    borderColor: series.color,
    backgroundColor: series.color,
    borderDash: series.dash,
    // A count holds until the next revision changes it.
    stepped: 'before',
    spanGaps: true,
    pointStyle: (context: { raw?: Point }) =>
      POINT_STYLE[context.raw?.figures[series.field]?.qualifier ?? ''] ?? 'circle',
    pointRadius: 6,
    pointHoverRadius: 8,
  };
}

/** Whole-hour ticks, few enough to read on a phone: 1, 2, 3, 6, 12 or 24 hours apart, or whole days. */
function timeAxis(instants: readonly number[]) {
  const [first, last] = [Math.min(...instants), Math.max(...instants)];
  const steps = [1, 2, 3, 6, 12, 24].map((hours) => hours * HOUR);
  const step = steps.find((each) => (last - first) / each <= 6) ?? DAY * Math.ceil((last - first) / DAY / 6);
  // A point never sits on the frame: the axis starts before the first instant and ends after the last.
  const min = Math.floor((first - 1) / step) * step;
  const max = Math.ceil((last + 1) / step) * step;
  return {
    type: 'linear',
    min,
    max,
    ticks: { stepSize: step, callback: (value: number) => (step < DAY ? hourMinute(value) : dayOf(value)) },
    title: { display: true, text: 'Time (UTC)' },
  };
}

function scalesOf(revisions: readonly FiguresRevision[], opened: string) {
  const instants = [opened, ...revisions.map((figures) => figures.at)].map(Date.parse);
  const countAxis = (text: string, position: 'left' | 'right') => ({
    position,
    beginAtZero: true,
    title: { display: true, text },
  });
  return {
    x: timeAxis(instants),
    y: countAxis('Dead', 'left'),
    y1: { ...countAxis('Injured', 'right'), grid: { drawOnChartArea: false } },
  };
}

const tooltipLines = {
  title: (items: readonly TooltipItem[]) => {
    const figures = items[0]?.raw.figures;
    return figures ? `Revision ${figures.revision}, ${instant(figures.at)}` : '';
  },
  label: (item: TooltipItem) =>
    `${item.dataset.label}: ${figureWords(item.raw.figures[SERIES[item.datasetIndex]?.field ?? 'dead'])}`,
  afterBody: (items: readonly TooltipItem[]) => {
    const figures = items[0]?.raw.figures;
    if (!figures) return [];
    const scope = figures.scope ? [`Scope: ${figures.scope}`] : [];
    return [`Source: ${figures.source}`, ...scope, `By ${authorWords(figures.author)}`];
  },
};

/** One row per revision of the figures, the chart's points in words. */
export function fillFiguresTable(tbody: HTMLTableSectionElement, revisions: readonly FiguresRevision[]): void {
  tbody.replaceChildren(
    ...revisions.map((figures) => {
      const row = element('tr');
      row.dataset.revision = String(figures.revision);
      const cells: Array<[string, string | number]> = [
        ['Revision', figures.revision],
        ['Time', clockTime(figures.at)],
        ['Dead', figureWords(figures.dead)],
        ['Injured', figureWords(figures.injured)],
        ['Source', [figures.source, figures.scope, figures.note].filter(Boolean).join(' · ')],
        ['Author', authorWords(figures.author)],
      ];
      for (const [label, text] of cells) {
        const cell = element(label === 'Revision' ? 'th' : 'td', text);
        if (cell instanceof HTMLTableCellElement && label === 'Revision') cell.scope = 'row';
        cell.dataset.label = label;
        row.append(cell);
      }
      return row;
    }),
  );
}
