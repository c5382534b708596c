import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachStore } from './support/each-store.js';
import { assertClean, countEvents } from './simulator-support.js';
import { PROVIDER_NAMES, type ProviderName } from '../src/simulator/providers/index.js';
import { runSimulation } from '../src/simulator/run-simulation.js';

// `roster simulate` against the real server: every provider profile syncs a small company,
// churns it, and re-pushes it; each run reads the directory back (--verify), and the re-push
// must change nothing, so it writes no event.

const DIRECTORY_PROVIDER: Record<ProviderName, string> = {
  okta: 'OKTA',
  'okta-aiw': 'OKTA',
  entra: 'AZURE_AD',
  'entra-aadOptscim062020': 'AZURE_AD',
  onelogin: 'ONELOGIN',
  jumpcloud: 'JUMPCLOUD',
  authentik: 'AUTHENTIK',
  generic: 'OTHER',
};

describeEachStore('roster simulate: provider profiles', (fixture) => {
  for (const provider of PROVIDER_NAMES) {
    test(`${provider}: initial-sync, churn and reconcile verify; the reconcile writes no event`, async () => {
      const directory = await fixture.newDirectory(DIRECTORY_PROVIDER[provider]);
      const base = { url: directory.scim, token: directory.token, provider, seed: `simulator-${provider}`, concurrency: 8, verify: true } as const;

      const initial = await runSimulation({ ...base, scenarios: 'initial-sync', users: 40, groups: 6 });
      assertClean(initial, 'initial-sync');
      assert.equal(initial.verify?.users, 40);
      assert.equal(initial.verify?.groups, 6);

      // Two months of change: the second can bring back people the first deactivated.
      const churned = await runSimulation({ ...base, scenarios: ['churn', 'churn'], state: initial.state });
      assertClean(churned, 'churn');
      assert.ok(churned.scenarios.every((entry) => entry.objects > 0));

      const eventsBefore = await countEvents(fixture, directory.directoryId);
      assert.ok(eventsBefore > 0);
      const reconciled = await runSimulation({ ...base, scenarios: 'reconcile', state: churned.state });
      assertClean(reconciled, 'reconcile');
      assert.deepEqual(reconciled.state, churned.state, 'a reconcile changes nothing the provider knows');
      assert.equal(await countEvents(fixture, directory.directoryId), eventsBefore, 'a reconcile writes no event');
    });
  }
});
