import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { PATCH_SCHEMA } from './support/scim-fixtures.js';
import { assertClean, countEvents } from './simulator-support.js';
import { runSimulation, verifyState } from '../src/simulator/run-simulation.js';
import { simulateCommand } from '../src/simulator/simulate-command.js';

// How `roster simulate` runs beyond one provider's cycle: from an imported directory (what the
// CLI does for churn or reconcile), a re-run of an initial sync, --verify finding what changed
// behind its back, the command line itself, and 429s from the server's rate limit.

describeEachStore('roster simulate: runs', (fixture) => {
  test('churn and reconcile without a state import the directory first; the reconcile writes no event', async () => {
    const directory = await fixture.newDirectory('OKTA');
    const base = { url: directory.scim, token: directory.token, provider: 'okta', seed: 'import', verify: true } as const;
    assertClean(await runSimulation({ ...base, scenarios: 'initial-sync', users: 30, groups: 5 }), 'initial-sync');
    const churned = await runSimulation({ ...base, scenarios: 'churn' });
    assertClean(churned, 'churn');
    assert.ok(churned.objects > 0);
    const events = await countEvents(fixture, directory.directoryId);
    assertClean(await runSimulation({ ...base, scenarios: 'reconcile' }), 'reconcile');
    assert.equal(await countEvents(fixture, directory.directoryId), events);
  });

  test('an initial sync run twice finds everything by lookup the second time and changes nothing', async () => {
    for (const provider of ['entra', 'okta-aiw', 'generic'] as const) {
      const directory = await fixture.newDirectory('OTHER');
      const base = { url: directory.scim, token: directory.token, provider, seed: 'twice', users: 25, groups: 5, scenarios: 'initial-sync', verify: true } as const;
      const first = await runSimulation(base);
      assertClean(first, `${provider} first`);
      const events = await countEvents(fixture, directory.directoryId);
      const second = await runSimulation(base);
      assertClean(second, `${provider} second`);
      assert.deepEqual(second.state, first.state, `${provider}: the same seed, the same directory, the same ids`);
      assert.equal(await countEvents(fixture, directory.directoryId), events, `${provider}: the re-run wrote events`);
    }
  });

  test('--verify reports what changed behind the provider, and a reconcile repairs it', async () => {
    const directory = await fixture.newDirectory('OTHER');
    const base = { url: directory.scim, token: directory.token, provider: 'generic', seed: 'tamper' } as const;
    const initial = await runSimulation({ ...base, scenarios: 'initial-sync', users: 20, groups: 4, verify: true });
    assertClean(initial, 'initial-sync');
    const [user] = initial.state.users;
    const group = initial.state.groups.find((candidate) => candidate.members.length > 0);
    assert.ok(user?.id && group?.id);
    const edit = (path: string, operations: unknown[]) => http('PATCH', `${directory.scim}${path}`, { token: directory.token, body: { schemas: [PATCH_SCHEMA], Operations: operations } });
    assert.equal((await edit(`/Users/${user.id}`, [{ op: 'replace', path: 'title', value: 'Changed by hand' }])).status, 200);
    assert.equal((await edit(`/Groups/${group.id}`, [{ op: 'replace', path: 'members', value: [] }])).status, 204);

    const found = await verifyState({ url: directory.scim, token: directory.token, state: initial.state });
    assert.equal(found.ok, false);
    assert.deepEqual(
      found.differences.map((difference) => [difference.id, difference.problem.replace(/: .*/, '')]).sort(),
      [[user.id, 'title'], [group.id, `lacks ${group.members.length} member(s)`]].sort(),
    );
    const repaired = await runSimulation({ ...base, scenarios: 'reconcile', state: initial.state, verify: true });
    assertClean(repaired, 'reconcile');
  });

  test('the command line: options, environment, --json summary and exit code', async () => {
    const directory = await fixture.newDirectory('AUTHENTIK');
    const written: string[] = [];
    const write = process.stdout.write;
    process.env.ROSTER_SCIM_TOKEN = directory.token;
    process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await simulateCommand().parseAsync(['--url', directory.scim, '--provider', 'authentik', '--scenario', 'initial-sync,churn', '--users', '12', '--groups', '3', '--seed', 'cli', '--verify', '--json'], { from: 'user' });
    } finally {
      process.stdout.write = write;
      delete process.env.ROSTER_SCIM_TOKEN;
    }
    const summary = JSON.parse(written.join('')) as { ok: boolean; provider: string; scenarios: { scenario: string }[]; verify: { ok: boolean; users: number }; state?: unknown };
    assert.equal(summary.ok, true, written.join(''));
    assert.equal(summary.provider, 'authentik');
    assert.deepEqual(summary.scenarios.map((entry) => entry.scenario), ['initial-sync', 'churn']);
    assert.equal(summary.verify.ok, true);
    assert.equal(summary.state, undefined, 'the state stays out of the printed summary');
    assert.equal(process.exitCode ?? 0, 0);
  });
});

describeEachStore(
  'roster simulate: 429',
  (fixture) => {
    test('retries after Retry-After when the server rate-limits the directory, and still verifies', async () => {
      const directory = await fixture.newDirectory('AZURE_AD');
      // --rate above what the server advertises: the simulator obeys it, so the server refuses some.
      const summary = await runSimulation({ url: directory.scim, token: directory.token, provider: 'entra', seed: 'limited', scenarios: 'initial-sync', users: 12, groups: 3, concurrency: 8, rate: 1000, verify: true });
      assertClean(summary, 'initial-sync');
      assert.ok((summary.errorsByStatus['429'] ?? 0) > 0, `no 429 in ${JSON.stringify(summary.errorsByStatus)}`);
      assert.equal(summary.retries, summary.errorsByStatus['429']);
    });
  },
  { env: { ROSTER_SCIM_RATE_LIMIT: '25', ROSTER_SCIM_RATE_BURST: '5' } },
);
