import type { Figure } from './figures.js';

const COLUMNS: { title: string; cell: (figure: Figure) => string }[] = [
  { title: 'scenario', cell: (figure) => String(figure.scenario) },
  { title: 'store', cell: (figure) => figure.store },
  { title: 'figure', cell: (figure) => figure.figure },
  { title: 'value', cell: (figure) => figure.value },
  { title: 'target', cell: (figure) => figure.target },
  { title: 'ratio', cell: (figure) => figure.ratio },
  { title: 'met?', cell: (figure) => (figure.met === undefined ? '-' : figure.met ? 'yes' : 'NO') },
];

/** The results as one plain-text table, one line per figure. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((figure) => COLUMNS.map((column) => column.cell(figure)));
  const widths = COLUMNS.map((column, index) => Math.max(column.title.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ').trimEnd();
  return [line(COLUMNS.map((column) => column.title)), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}
