import type { ProviderName } from '../../simulator/providers/index.js';
import { runSimulation, SimulationAbortedError } from '../../simulator/run-simulation.js';
import { ApiError } from '../api-error.js';
import { getDirectory, scimEndpoint } from './directories.js';
import { createDirectorySecret, revokeSecret } from './directory-secrets.js';
import type { Services } from '../services.js';

// "Simulate": pushes a few sample users and groups through the directory's real SCIM endpoint,
// over HTTP, the way its provider would (the simulator's provider patterns), so an admin sees
// users, groups, the request log and events before connecting a real IdP. It uses a secret of
// its own that lives ten minutes and is revoked when the push ends. The same seed every time:
// pressing it again updates the same sample people instead of adding more. What it creates is
// marked as sample data (the secret's `sample`), shown so, and removable (sample-data.ts).

const SIMULATED_PROVIDER: Record<string, ProviderName> = {
  OKTA: 'okta',
  AZURE_AD: 'entra',
  ONELOGIN: 'onelogin',
  JUMPCLOUD: 'jumpcloud',
  AUTHENTIK: 'authentik',
};

export const SAMPLE_USERS = 8;
export const SAMPLE_GROUPS = 3;

export interface SamplePushResult {
  provider: ProviderName;
  users: number;
  groups: number;
  requests: number;
  failed_requests: number;
  duration_ms: number;
}

/** `ownBaseUrl` is where this server itself answers (the push goes to its own SCIM endpoint). */
export async function pushSampleDirectory(services: Services, ownBaseUrl: string, organizationId: string, directoryId: string): Promise<SamplePushResult> {
  const directory = await getDirectory(services, organizationId, directoryId);
  if (!directory.enabled) throw new ApiError(400, 'failed_precondition', 'The directory is disabled: enable it before sending sample data');
  const provider = SIMULATED_PROVIDER[directory.directory_provider] ?? 'generic';
  // A sample secret: what it creates is marked as sample data, and it changes nothing else (sample-guard.ts).
  const { plainSecret, secret } = await createDirectorySecret(services, organizationId, directoryId, new Date(Date.now() + 10 * 60_000), { sample: true });
  try {
    const summary = await runSimulation({
      url: scimEndpoint(ownBaseUrl, directoryId),
      token: plainSecret,
      provider,
      scenarios: 'initial-sync',
      users: SAMPLE_USERS,
      groups: SAMPLE_GROUPS,
      seed: `sample-${directoryId}`,
      concurrency: 4,
      timeoutMillis: 30_000,
    });
    return {
      provider,
      users: summary.state.users.length,
      groups: summary.state.groups.length,
      requests: summary.requests,
      failed_requests: summary.failedRequests.length,
      duration_ms: summary.durationMillis,
    };
  } catch (error) {
    if (error instanceof SimulationAbortedError) throw new ApiError(502, 'simulation_failed', `The sample push was refused: ${error.message.split('\n')[0]}`);
    throw error;
  } finally {
    await revokeSecret(services, organizationId, directoryId, secret.id).catch(() => undefined);
  }
}
