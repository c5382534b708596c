// Where a server's CPU went, from a V8 profile written by `npm run bench -- --cpu-prof`:
//   node --import tsx bench/profile-summary.ts bench/results/<stamp>-profiles/<store>-scenario-<n>/<file>.cpuprofile [top]
// Prints the functions with the most self time, then the server's own functions (src/, compiled in dist/) by
// inclusive time.

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArgument ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^.*packages\/server\//, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((sample, index) => {
  const micros = profile.timeDeltas[index] ?? 0;
  total += micros;
  const leaf = nodes.get(sample);
  if (leaf) self.set(label(leaf), (self.get(label(leaf)) ?? 0) + micros);
  const seen = new Set<string>();
  for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
    const node = nodes.get(id);
    if (!node) break;
    const name = label(node);
    if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    seen.add(name);
  }
});

const print = (title: string, entries: [string, number][]) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, micros] of entries.sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(micros / 1000).toFixed(0).padStart(8)} ms  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}\n`);
  }
};
process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled\n`);
print('self time', [...self]);
print('inclusive time, server code (src/, compiled in dist/)', [...inclusive].filter(([name]) => / (src|dist)\//.test(name)));
