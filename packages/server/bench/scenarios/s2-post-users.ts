// Scenario 2: POST /Users at 4 connections (validation, event outbox and counters in one
// transaction), against the raw limit: the server's own parameterised INSERT of the same row
// through pg (PGlite for the embedded store) at the same concurrency, in the same run.

import { newId } from '../../src/ids.js';
import { normalizeResource, userColumns } from '../../src/scim/resource/normalize-resource.js';
import { USER_RESOURCE } from '../../src/scim/schema/resource-types.js';
import { insertUser } from '../../src/store/users.js';
import { count, latency, rate } from '../lib/figures.js';
import { runBounded, runCannon, throughput, type LoadResult } from '../lib/load.js';
import type { Scenario } from '../lib/scenario.js';
import { benchUserBody, seedDirectory } from '../lib/seed.js';
import { summarize } from '../lib/stats.js';

export const postUsers: Scenario = {
  id: 2,
  title: 'POST /Users at 4 connections vs raw INSERT',
  async run(bench) {
    const { connections, postSeconds } = bench.sizes;
    const warmSeconds = Math.max(1, Math.round(postSeconds / 4));

    const raw = await bench.offline(async (db) => {
      // Its own directory, so the server's directory holds only what SCIM wrote.
      const { directoryId } = await seedDirectory(db.pool, 'Raw insert');
      const resource = normalizeResource(USER_RESOURCE, benchUserBody(0, 'Raw'));
      if (!resource.ok) throw resource.error;
      const template = resource.value.resource;
      const columns = userColumns(template);
      let n = 0;
      const insert = async () => {
        const userName = `Person${++n}.Raw@Example.com`;
        await insertUser(db.pool, { directoryId, id: newId('diruser'), columns: { ...columns, userName }, resource: { ...template, userName } });
      };
      await runBounded({ concurrency: connections, durationMs: warmSeconds * 1000, task: insert });
      return runBounded({ concurrency: connections, durationMs: postSeconds * 1000, task: insert });
    });

    const scim = await bench.online(async (server) => {
      const path = `${new URL(server.scimUrl).pathname}/Users`;
      const headers = { ...server.headers, 'content-type': 'application/scim+json' };
      let n = 0;
      const load = (tag: string, seconds: number) =>
        runCannon({ url: server.scimUrl, connections, durationSeconds: seconds, headers, next: () => ({ method: 'POST', path, body: JSON.stringify(benchUserBody(++n, tag)) }) });
      await load('Warm', warmSeconds);
      return load('Scim', postSeconds);
    });

    const rawRate = throughput(raw);
    bench.record(rate('POST /Users throughput', throughput(scim), { raw: rawRate, minRatio: 0.5, extra: { rawLatency: summarize(raw.latencies), seconds: postSeconds } }));
    bench.record(latency('POST /Users latency', summarize(scim.latencies), 15));
    bench.record(errors('POST /Users errors', scim, raw));
  },
};

function errors(figure: string, scim: LoadResult & { statuses: Record<string, number> }, raw: LoadResult) {
  return count(figure, scim.errors, 0, 'exactly', { statuses: scim.statuses, firstError: scim.firstError, rawErrors: raw.errors, rawFirstError: raw.firstError });
}
