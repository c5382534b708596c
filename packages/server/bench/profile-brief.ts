// One line per scenario of where the server's CPU went, from the profiles `npm run bench --
// --cpu-prof` wrote: node --import tsx bench/profile-brief.ts bench/results/<stamp>-profiles
// Per scenario (its server's main thread, all its starts together): the share of the time the
// process was idle (waiting on the store or the network), in the garbage collector, in socket
// writes, and the server functions (src/, compiled in dist/) with the most inclusive time.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [directory, topArgument] = process.argv.slice(2);
if (!directory) throw new Error('usage: profile-brief.ts <profiles directory> [top]');
const top = Number(topArgument ?? 5);

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

for (const scenario of readdirSync(directory).sort()) {
  // Node writes one profile per thread; the main thread's is numbered .0.
  const files = readdirSync(join(directory, scenario)).filter((file) => /\.0\.\d+\.cpuprofile$/.test(file));
  let total = 0;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // The embedded store runs PostgreSQL in this process (PGlite, WebAssembly): its time is the store's, not the server's.
  let inPglite = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(directory, scenario, file), 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    profile.samples.forEach((sample, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      total += micros;
      const leaf = nodes.get(sample);
      if (leaf) self.set(leaf.callFrame.functionName, (self.get(leaf.callFrame.functionName) ?? 0) + micros);
      const seen = new Set<string>();
      let pglite = false;
      for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
        const node = nodes.get(id);
        if (!node) break;
        if (node.callFrame.url.includes('/pglite/')) pglite = true;
        if (!/\/packages\/server\/(src|dist)\//.test(node.callFrame.url)) continue;
        const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/packages\/server\/(src|dist)\//, '')}`;
        if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
        seen.add(name);
      }
      if (pglite) inPglite += micros;
    });
  }
  if (total === 0) continue;
  const of = (name: string) => self.get(name) ?? 0;
  const heaviest = [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => `${name} ${percent(micros, total)}`);
  process.stdout.write(
    `${scenario}: ${(total / 1e6).toFixed(0)} s sampled; idle ${percent(of('(idle)'), total)}, GC ${percent(of('(garbage collector)'), total)}, ` +
      `socket writes ${percent(of('writev') + of('writeBuffer') + of('writeLatin1String') + of('writeUtf8String'), total)}` +
      `${inPglite > 0 ? `, PGlite ${percent(inPglite, total)}` : ''}; ${heaviest.join(', ')}\n`,
  );
}
