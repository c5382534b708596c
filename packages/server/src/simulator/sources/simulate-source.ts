import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { generatePopulation } from '../population.js';
import { createRandom, type Random } from '../prng.js';
import { FakeBambooHR } from './fake-bamboohr.js';
import { FakeGoogleWorkspace } from './fake-google.js';

// `roster simulate --provider google|bamboohr`: runs a local Google Workspace or BambooHR with a
// simulated company in it, for anyone trying Roster's pulled directories without a tenant. It
// prints what to set for Roster to read it and how to connect it in the portal; with Roster's
// URL and API client credentials it also creates a directory connected to it, waits for the
// first sync and compares what Roster holds with the source. With --churn-every, people join,
// leave, change and move between groups while it runs.

export type SourceName = 'google' | 'bamboohr';

export interface SourceSimulationOptions {
  source: SourceName;
  users: number;
  groups: number;
  seed: string;
  port: number;
  host: string;
  rosterUrl?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  organization: string;
  churnEverySeconds?: number | undefined;
  /** Exit after the first sync instead of serving until interrupted. */
  once: boolean;
  out: Writable;
}

export interface SourceSimulationResult {
  ok: boolean;
  sourceUrl: string;
  users: number;
  groups: number;
  directoryId?: string;
  run?: { status: string; error: string | null; counts: Record<string, number> };
  rosterUsers?: number;
  rosterGroups?: number;
}

interface RunningSource {
  url: string;
  users: () => number;
  groups: () => number;
  /** The directory body for POST /api/v1/organizations/{id}/directories. */
  directoryBody: Record<string, unknown>;
  instructions: string[];
  churn: (random: Random) => string;
  close: () => Promise<void>;
}

async function startGoogle(options: SourceSimulationOptions, random: Random): Promise<RunningSource> {
  const google = await FakeGoogleWorkspace.start({ port: options.port, host: options.host, clientId: 'roster-simulator.apps.googleusercontent.com', clientSecret: `GOCSPX-${randomBytes(12).toString('base64url')}` });
  const population = generatePopulation(random, { users: options.users, groups: options.groups, identity: { newUserKey: (r) => r.uuid(), newGroupKey: (r) => r.uuid(), sendsGroupExternalId: true } });
  google.directory.seed(population);
  const key = google.createServiceAccountKey();
  const keyPath = join(tmpdir(), `roster-google-service-account-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(keyPath, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  const admin = [...google.admins][0] ?? 'admin@acme.example';
  return {
    url: google.url,
    users: () => google.directory.users.size,
    groups: () => google.directory.groups.size,
    directoryBody: { directory_type: 'GOOGLE_WORKSPACE', credentials: { service_account_key: key, admin_email: admin } },
    instructions: [
      `Start Roster with:  ROSTER_GOOGLE_API_URL=${google.url} ROSTER_GOOGLE_OAUTH_URL=${google.url} \\`,
      `                    ROSTER_GOOGLE_CLIENT_ID=${google.clientId} ROSTER_GOOGLE_CLIENT_SECRET=${google.clientSecret} \\`,
      '                    ROSTER_ENCRYPTION_KEY=$(openssl rand -base64 32) npm start',
      'Then in the admin portal choose Google Workspace and either:',
      '  - Sign in with Google: this simulator shows the consent screen; click Allow, or',
      `  - upload the service account key ${keyPath} and act as ${admin}.`,
    ],
    churn: (r) => {
      const users = [...google.directory.users.values()];
      const groups = [...google.directory.groups.values()];
      const user = r.pick(users);
      switch (r.int(0, 3)) {
        case 0:
          google.directory.updateUser(user.id, (u) => (u.name = { ...u.name, familyName: `${u.name.familyName}-${r.int(2, 9)}`, fullName: `${u.name.givenName} ${u.name.familyName}` }));
          return `renamed ${user.primaryEmail}`;
        case 1:
          google.directory.updateUser(user.id, (u) => (u.suspended = !u.suspended));
          return `${user.suspended ? 'suspended' : 'unsuspended'} ${user.primaryEmail}`;
        case 2: {
          const group = r.pick(groups);
          google.directory.addMember(group.id, user.id);
          return `added ${user.primaryEmail} to ${group.name}`;
        }
        default: {
          const added = google.directory.addUser({ primaryEmail: `new.hire.${r.int(1000, 9999)}@${google.directory.domain}`, givenName: 'New', familyName: 'Hire' });
          return `hired ${added.primaryEmail}`;
        }
      }
    },
    close: () => google.close(),
  };
}

async function startBambooHR(options: SourceSimulationOptions, random: Random): Promise<RunningSource> {
  const bamboo = await FakeBambooHR.start({ subdomain: 'acme', port: options.port, host: options.host });
  const population = generatePopulation(random, { users: options.users, groups: 0, identity: { newUserKey: (r) => r.uuid(), newGroupKey: (r) => r.uuid(), sendsGroupExternalId: true } });
  bamboo.seed(population);
  const apiKey = bamboo.createApiKey();
  const groups = () => new Set([...bamboo.employees.values()].flatMap((employee) => [employee.department, employee.division].filter(Boolean))).size;
  return {
    url: bamboo.url,
    users: () => bamboo.employees.size,
    groups,
    directoryBody: { directory_type: 'BAMBOOHR', bamboohr: { subdomain: bamboo.subdomain }, credentials: { api_key: apiKey } },
    instructions: [
      `Start Roster with:  ROSTER_BAMBOOHR_API_URL=${bamboo.url} ROSTER_ENCRYPTION_KEY=$(openssl rand -base64 32) npm start`,
      `Then in the admin portal choose BambooHR, subdomain ${bamboo.subdomain}, API key ${apiKey}`,
    ],
    churn: (r) => {
      const employees = [...bamboo.employees.values()].filter((employee) => employee.status === 'Active');
      const employee = r.pick(employees);
      if (r.chance(0.5)) {
        bamboo.terminate(employee.id);
        return `terminated ${employee.workEmail ?? employee.id}`;
      }
      employee.department = r.pick(['Engineering', 'Sales', 'Marketing', 'Finance']);
      return `moved ${employee.workEmail ?? employee.id} to ${employee.department}`;
    },
    close: () => bamboo.close(),
  };
}

const token = z.object({ access_token: z.string() });
const created = z.object({ directory: z.object({ id: z.string() }) });
const runs = z.object({ sync_runs: z.array(z.object({ status: z.string(), error: z.string().nullable(), counts: z.record(z.string(), z.number()) })) });
const directory = z.object({ directory: z.object({ total_users: z.number(), total_groups: z.number() }) });

async function rosterCall<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return schema.parse(text ? JSON.parse(text) : {});
}

/** Creates an organization and a directory on this source in Roster, and waits for its first sync. */
async function connectRoster(options: SourceSimulationOptions, source: RunningSource, result: SourceSimulationResult): Promise<void> {
  const base = (options.rosterUrl ?? '').replace(/\/+$/, '');
  const json = (body: unknown, accessToken?: string): RequestInit => ({
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify(body),
  });
  const { access_token: accessToken } = await rosterCall(`${base}/oauth/token`, { method: 'POST', ...json({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret }) }, token);
  const auth = { authorization: `Bearer ${accessToken}` };
  const { organization } = await rosterCall(`${base}/api/v1/organizations`, { method: 'POST', ...json({ display_name: options.organization }, accessToken) }, z.object({ organization: z.object({ id: z.string() }) }));
  await rosterCall(`${base}/api/v1/organizations/${organization.id}/settings`, { method: 'PATCH', ...json({ features: [{ name: 'scim', enabled: true }] }, accessToken) }, z.unknown());
  const path = `${base}/api/v1/organizations/${organization.id}/directories`;
  const { directory: made } = await rosterCall(path, { method: 'POST', ...json(source.directoryBody, accessToken) }, created);
  result.directoryId = made.id;
  options.out.write(`Created directory ${made.id} in organization ${organization.id}; waiting for its first sync...\n`);
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const list = await rosterCall(`${path}/${made.id}/sync_runs?page_size=1`, { headers: auth }, runs);
    const run = list.sync_runs[0];
    if (run && run.status !== 'running') {
      result.run = run;
      break;
    }
    if (Date.now() > deadline) throw new Error('the first sync did not finish in 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const details = await rosterCall(`${path}/${made.id}`, { headers: auth }, directory);
  result.rosterUsers = details.directory.total_users;
  result.rosterGroups = details.directory.total_groups;
  result.ok = result.run.status === 'succeeded' && details.directory.total_users === source.users();
  options.out.write(
    result.run.status === 'succeeded'
      ? `First sync: ${details.directory.total_users} users and ${details.directory.total_groups} groups in Roster (the source holds ${source.users()} and ${source.groups()}), ${result.run.counts.source_calls ?? 0} calls to the source.\n`
      : `First sync ${result.run.status}: ${result.run.error ?? ''}\n${result.run.error?.includes('could not be reached') ? 'Is Roster started with the variables above?\n' : ''}`,
  );
}

export async function simulateSource(options: SourceSimulationOptions, signal: AbortSignal): Promise<SourceSimulationResult> {
  const random = createRandom(options.seed);
  const source = options.source === 'google' ? await startGoogle(options, random) : await startBambooHR(options, random);
  const result: SourceSimulationResult = { ok: true, sourceUrl: source.url, users: source.users(), groups: source.groups() };
  try {
    options.out.write(`Simulated ${options.source === 'google' ? 'Google Workspace' : 'BambooHR'} at ${source.url}: ${source.users()} users, ${source.groups()} groups.\n`);
    for (const line of source.instructions) options.out.write(`${line}\n`);
    if (options.rosterUrl && options.clientId && options.clientSecret) await connectRoster(options, source, result);
    if (options.once) return result;
    const churn = options.churnEverySeconds ? setInterval(() => options.out.write(`change: ${source.churn(random)}\n`), options.churnEverySeconds * 1000) : undefined;
    options.out.write('Serving until interrupted (Ctrl-C).\n');
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    if (churn) clearInterval(churn);
    return result;
  } finally {
    await source.close();
  }
}
