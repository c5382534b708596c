import { readDirectory } from './directory-snapshot.js';
import type { DirectoryState } from './directory-state.js';
import { importState } from './import-state.js';
import { companyDomain } from './people.js';
import { generatePopulation } from './population.js';
import { createRandom, type Random } from './prng.js';
import { Pacer } from './pacer.js';
import { createProgress, silentProgress, type ProgressOutput } from './progress.js';
import { createProvider, type ProviderName } from './providers/index.js';
import type { ProviderSession } from './providers/provider.js';
import { RequestStats, type FailureSample, type LatencySummary } from './request-stats.js';
import { churn, pushAll, type ObjectFailure, type ScenarioContext, type ScenarioName, type ScenarioResult } from './scenarios.js';
import { ScimClient, UnexpectedResponseError } from './scim-client.js';
import { compareDirectory, type Difference } from './verify.js';

export interface SimulationOptions {
  /** The directory's SCIM base URL (…/scim/v2). */
  url: string;
  /** A directory secret (bearer token). */
  token: string;
  provider: ProviderName;
  /** Run in order, each starting from the state the previous one left. */
  scenarios: ScenarioName | readonly ScenarioName[];
  /** People and groups of an initial sync. */
  users?: number;
  groups?: number;
  /** People who change in a churn run; 10% of the directory when absent. */
  changes?: number;
  seed?: string | number;
  /** Objects, and requests, in flight at once. */
  concurrency?: number;
  /** Requests a second at most; by default PACE_SHARE of the rate the server advertises (RateLimit-Policy). */
  rate?: number;
  /** Member changes a request, overriding the provider's own batching. */
  memberBatchSize?: number;
  /** Read the directory back after the run and compare it with what was pushed. */
  verify?: boolean;
  /**
   * What an earlier run pushed (its summary's `state`). Without it, a run that starts with
   * churn or reconcile imports the directory's current data first.
   */
  state?: DirectoryState;
  /** Progress output; none when absent. */
  progress?: ProgressOutput;
  timeoutMillis?: number;
  fetch?: typeof fetch;
}

export interface ScenarioSummary {
  scenario: ScenarioName;
  objects: number;
  durationMillis: number;
  changes?: Record<string, number>;
}

export interface VerifySummary {
  ok: boolean;
  users: number;
  groups: number;
  differences: Difference[];
  /** Set when the read-back itself failed. */
  error?: string;
}

export interface SimulationSummary {
  provider: ProviderName;
  seed: string;
  scenarios: ScenarioSummary[];
  /** Objects pushed or changed (users and groups). */
  objects: number;
  durationMillis: number;
  objectsPerSecond: number;
  requests: number;
  requestsPerSecond: number;
  /** Requests a second the run paced itself to: --rate, or below the server's advertised rate; null when neither. */
  pacedRequestsPerSecond: number | null;
  /** Retries after 429 (or 503 with Retry-After). */
  retries: number;
  /** Non-2xx responses by status, the expected ones (a lookup's 409) included. */
  errorsByStatus: Record<string, number>;
  /** Responses the provider did not expect. */
  unexpectedResponses: number;
  failedRequests: FailureSample[];
  /** Objects the provider could not push. */
  failedObjects: ObjectFailure[];
  latencyMillis: LatencySummary;
  verify?: VerifySummary;
  /** What the simulator believes the app now holds; pass it to the next run. */
  state: DirectoryState;
  /** No unexpected response, no failed object, and a clean verify when asked for. */
  ok: boolean;
}

/** The server refused the run: a wrong URL or token, a server that is down, a secret revoked mid-run. */
export class SimulationAbortedError extends Error {}

function asList(scenarios: ScenarioName | readonly ScenarioName[]): ScenarioName[] {
  return typeof scenarios === 'string' ? [scenarios] : [...scenarios];
}

function aborted(error: unknown, url: string): SimulationAbortedError {
  if (error instanceof UnexpectedResponseError) {
    const hint =
      error.status === 401 || error.status === 403
        ? 'check the token (--token or ROSTER_SCIM_TOKEN): it must be a secret of this directory'
        : error.status === 404
          ? 'check the URL (--url or ROSTER_SCIM_URL): it must be the directory SCIM base URL ending in /scim/v2'
          : error.status === 'network'
            ? `is a Roster server listening at ${url}?`
            : 'the server refused the request';
    return new SimulationAbortedError(`${error.message}\n${hint}`);
  }
  return new SimulationAbortedError(error instanceof Error ? error.message : String(error));
}

/** Plays a directory provider against a SCIM endpoint and reports what happened. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const seed = String(options.seed ?? 'roster');
  const random = createRandom(seed);
  const provider = createProvider(options.provider);
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const baseUrl = options.url.replace(/\/+$/, '');
  const stats = new RequestStats();
  // One pacer for every client of the run (the import, the scenarios, the verify read-back).
  const pacer = new Pacer(options.rate);
  const clientOptions = {
    baseUrl,
    token: options.token,
    stats,
    concurrency,
    pacer,
    ...(options.timeoutMillis ? { timeoutMillis: options.timeoutMillis } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const client = new ScimClient({ ...clientOptions, style: provider.style });
  const session: ProviderSession = { client, random: random.fork('provider'), ...(options.memberBatchSize ? { memberBatchSize: options.memberBatchSize } : {}) };
  const progress = options.progress ? createProgress(options.progress, () => stats.requests) : silentProgress;
  const failures: ObjectFailure[] = [];
  const context: ScenarioContext = { provider, session, progress, concurrency, failures };
  const scenarios = asList(options.scenarios);

  const started = performance.now();
  let state = options.state ? structuredClone(options.state) : undefined;
  try {
    await provider.start(session);
    if (!state && scenarios[0] !== 'initial-sync') {
      // Nothing pushed earlier is known: begin from what the app holds, as an import would.
      const reader = new ScimClient({ ...clientOptions, stats: new RequestStats(), style: provider.style });
      state = importState(await readDirectory(reader), companyDomain(random.fork('population')));
    }
  } catch (error) {
    throw aborted(error, baseUrl);
  }

  const summaries: ScenarioSummary[] = [];
  try {
    state = await runScenarios(context, scenarios, state, summaries, { ...options, random });
  } catch (error) {
    if (error instanceof UnexpectedResponseError) throw aborted(error, baseUrl);
    throw error;
  }
  const durationMillis = performance.now() - started;
  const finalState = state ?? { domain: companyDomain(random), users: [], groups: [] };

  let verify: VerifySummary | undefined;
  if (options.verify) verify = await verifyDirectory(new ScimClient({ ...clientOptions, stats: new RequestStats(), style: provider.style }), finalState);

  const objects = summaries.reduce((sum, entry) => sum + entry.objects, 0);
  const seconds = Math.max(durationMillis, 1) / 1000;
  return {
    provider: provider.name,
    seed,
    scenarios: summaries,
    objects,
    durationMillis: Math.round(durationMillis),
    objectsPerSecond: Math.round((objects / seconds) * 10) / 10,
    requests: stats.requests,
    requestsPerSecond: Math.round((stats.requests / seconds) * 10) / 10,
    pacedRequestsPerSecond: pacer.requestsPerSecond === undefined ? null : Math.round(pacer.requestsPerSecond * 10) / 10,
    retries: stats.retries,
    errorsByStatus: stats.errorsByStatus(),
    unexpectedResponses: stats.unexpected,
    failedRequests: stats.failures,
    failedObjects: failures,
    latencyMillis: stats.latency(),
    ...(verify ? { verify } : {}),
    state: finalState,
    ok: stats.unexpected === 0 && failures.length === 0 && (verify?.ok ?? true),
  };
}

/** Runs the scenarios in order, each from the state the previous one left; a 401 or 403 ends the run. */
async function runScenarios(
  context: ScenarioContext,
  scenarios: ScenarioName[],
  initial: DirectoryState | undefined,
  summaries: ScenarioSummary[],
  options: Pick<SimulationOptions, 'users' | 'groups' | 'changes'> & { random: Random },
): Promise<DirectoryState | undefined> {
  let state = initial;
  for (const [index, scenario] of scenarios.entries()) {
    const started = performance.now();
    let result: ScenarioResult;
    if (scenario === 'churn' && state) {
      result = await churn(context, state, { random: options.random.fork(`churn-${index}`), ...(options.changes !== undefined ? { changes: options.changes } : {}) });
    } else {
      const base = state ?? generatePopulation(options.random.fork('population'), { users: options.users ?? 100, groups: options.groups ?? 10, identity: context.provider });
      result = await pushAll(context, base, scenario);
    }
    state = result.state;
    summaries.push({ scenario, objects: result.objects, durationMillis: Math.round(performance.now() - started), ...(result.changes ? { changes: result.changes } : {}) });
  }
  return state;
}

/** `--verify` on its own: compares what the server holds with a state an earlier run returned. */
export function verifyState(options: Pick<SimulationOptions, 'url' | 'token' | 'concurrency' | 'timeoutMillis' | 'fetch'> & { state: DirectoryState }): Promise<VerifySummary> {
  const client = new ScimClient({
    baseUrl: options.url.replace(/\/+$/, ''),
    token: options.token,
    stats: new RequestStats(),
    concurrency: Math.max(1, options.concurrency ?? 8),
    style: { headers: { accept: 'application/scim+json' }, contentType: 'application/scim+json' },
    ...(options.timeoutMillis ? { timeoutMillis: options.timeoutMillis } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return verifyDirectory(client, options.state);
}

async function verifyDirectory(client: ScimClient, state: DirectoryState): Promise<VerifySummary> {
  try {
    const snapshot = await readDirectory(client);
    const differences = compareDirectory(state, snapshot);
    return { ok: differences.length === 0, users: snapshot.users.length, groups: snapshot.groups.length, differences };
  } catch (error) {
    return { ok: false, users: 0, groups: 0, differences: [], error: error instanceof Error ? error.message : String(error) };
  }
}
