// Two bench runs side by side, as a Markdown table for docs/benchmarks.md:
//   node --import tsx bench/compare-results.ts <before.json> <after.json> [more after.json ...]
// Figures are matched by scenario, store and name; each run's value keeps its same-run ratio to
// the raw limit, which is what compares across runs on a machine whose load changes.

import { readFileSync } from 'node:fs';
import type { Figure } from './lib/figures.js';

interface Run {
  figures: Figure[];
  loadAverages: number[];
}

const [beforeFile, ...afterFiles] = process.argv.slice(2);
if (!beforeFile || afterFiles.length === 0) throw new Error('usage: compare-results.ts <before.json> <after.json> [...]');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Run;
const before = read(beforeFile);
const after = afterFiles.map(read);

// Figures renamed since (so the old run's row meets the new one).
const RENAMED: Record<string, string> = { 'events written in the PATCH transaction': "events at the PATCH transaction's log position" };
const keyOf = (figure: Figure) => `${figure.scenario}|${figure.store}|${RENAMED[figure.figure] ?? figure.figure}`;
const cell = (figure: Figure | undefined) => (figure ? `${figure.value}${figure.ratio ? ` (${figure.ratio})` : ''}${figure.met === true ? ' ✓' : ''}` : '-');

const rows = new Map<string, { first: Figure; before?: Figure; after?: Figure }>();
for (const figure of before.figures) if (figure.figure !== 'peak server RSS') rows.set(keyOf(figure), { first: figure, before: figure });
for (const run of after) {
  for (const figure of run.figures) {
    if (figure.figure === 'peak server RSS') continue;
    const row = rows.get(keyOf(figure)) ?? { first: figure };
    row.after = figure;
    rows.set(keyOf(figure), row);
  }
}
const peak = (run: Run, store: string, scenario: number) =>
  Math.max(0, ...run.figures.filter((f) => f.figure === 'peak server RSS' && f.store === store && f.scenario === scenario).map((f) => Number(String(f.value).replace(' MB', ''))));

process.stdout.write('| # | store | figure | target | before | after |\n|---|---|---|---|---|---|\n');
const ordered = [...rows.values()].sort((a, b) => a.first.store.localeCompare(b.first.store) || a.first.scenario - b.first.scenario);
let last = '';
for (const row of ordered) {
  const { scenario, store } = row.first;
  const group = `${store}|${scenario}`;
  if (last && last !== group) {
    const [lastStore, lastScenario] = last.split('|') as [string, string];
    const rssAfter = Math.max(...after.map((run) => peak(run, lastStore, Number(lastScenario))));
    process.stdout.write(`| ${lastScenario} | ${lastStore} | peak server RSS | ${lastStore === 'postgres' ? '<= 300 MB' : '-'} | ${peak(before, lastStore, Number(lastScenario))} MB | ${rssAfter} MB |\n`);
  }
  last = group;
  process.stdout.write(`| ${scenario} | ${store} | ${row.first.figure} | ${row.first.target} | ${cell(row.before)} | ${cell(row.after)} |\n`);
}
if (last) {
  const [lastStore, lastScenario] = last.split('|') as [string, string];
  process.stdout.write(`| ${lastScenario} | ${lastStore} | peak server RSS | ${lastStore === 'postgres' ? '<= 300 MB' : '-'} | ${peak(before, lastStore, Number(lastScenario))} MB | ${Math.max(...after.map((run) => peak(run, lastStore, Number(lastScenario))))} MB |\n`);
}
