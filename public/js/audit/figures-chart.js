// The casualty figures over time: a Chart.js line per count (one point per revision of the figures,
// qualifiers marked by the point's shape) and the same points as a table for keyboards and screen readers.
import { authorWords, clockTime, dayOf, element, figureWords, hourMinute, instant } from './format.js';

/** The shape that marks a figure's qualifier, in the chart and in its key. */
export const POINT_STYLE = { exact: 'circle', 'at-least': 'rect', 'more-than': 'triangle', about: 'rectRot' };

const SERIES = [
  { field: 'dead', label: 'Dead', color: '#b00020', axis: 'y', dash: [] },
  { field: 'injured', label: 'Injured', color: '#1f5fa8', axis: 'y1', dash: [6, 4] },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Draws (or redraws) the chart on the canvas; the time axis runs from `opened` to the last revision. */
export function drawFiguresChart(canvas, revisions, opened) {
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

function datasetOf(series, revisions) {
  return {
    label: series.label,
    yAxisID: series.axis,
    // Each point keeps its revision, so the tooltip can name the source and author.
    data: revisions.map((figures) => ({
      x: Date.parse(figures.at),
      y: figures[series.field]?.count ?? null,
      figures,
    })),
    borderColor: series.color,
    backgroundColor: series.color,
    borderDash: series.dash,
    // A count holds until the next revision changes it.
    stepped: 'before',
    spanGaps: true,
    pointStyle: (context) => POINT_STYLE[context.raw?.figures[series.field]?.qualifier] ?? 'circle',
    pointRadius: 6,
    pointHoverRadius: 8,
  };
}

/** Whole-hour ticks, few enough to read on a phone: 1, 2, 3, 6, 12 or 24 hours apart, or whole days. */
function timeAxis(instants) {
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
    ticks: { stepSize: step, callback: (value) => (step < DAY ? hourMinute(value) : dayOf(value)) },
    title: { display: true, text: 'Time (UTC)' },
  };
}

function scalesOf(revisions, opened) {
  const instants = [opened, ...revisions.map((figures) => figures.at)].map(Date.parse);
  const countAxis = (text, position) => ({ position, beginAtZero: true, title: { display: true, text } });
  return {
    x: timeAxis(instants),
    y: countAxis('Dead', 'left'),
    y1: { ...countAxis('Injured', 'right'), grid: { drawOnChartArea: false } },
  };
}

const tooltipLines = {
  title: (items) => {
    const figures = items[0]?.raw.figures;
    return figures ? `Revision ${figures.revision}, ${instant(figures.at)}` : '';
  },
  label: (item) => `${item.dataset.label}: ${figureWords(item.raw.figures[SERIES[item.datasetIndex].field])}`,
  afterBody: (items) => {
    const figures = items[0]?.raw.figures;
    if (!figures) return [];
    const scope = figures.scope ? [`Scope: ${figures.scope}`] : [];
    return [`Source: ${figures.source}`, ...scope, `By ${authorWords(figures.author)}`];
  },
};

/** One row per revision of the figures, the chart's points in words. */
export function fillFiguresTable(tbody, revisions) {
  tbody.replaceChildren(
    ...revisions.map((figures) => {
      const row = element('tr');
      row.dataset.revision = figures.revision;
      const cells = [
        ['Revision', figures.revision],
        ['Time', clockTime(figures.at)],
        ['Dead', figureWords(figures.dead)],
        ['Injured', figureWords(figures.injured)],
        ['Source', [figures.source, figures.scope, figures.note].filter(Boolean).join(' · ')],
        ['Author', authorWords(figures.author)],
      ];
      for (const [label, text] of cells) {
        const cell = element(label === 'Revision' ? 'th' : 'td', text);
        if (label === 'Revision') cell.scope = 'row';
        cell.dataset.label = label;
        row.append(cell);
      }
      return row;
    }),
  );
}
