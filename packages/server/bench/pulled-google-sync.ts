// `npm run bench:google -w @roster/server`: a Google Workspace directory pulled through the fake
// Admin SDK Directory API (src/simulator/sources/fake-google.ts, driven by Google's own client
// libraries in the server): the first sync, then a resync with nothing changed. Reports each
// run's wall time, the calls Roster made to Google, the events written, and the server's peak
// RSS and CPU time. The server runs as its own process (as `npm start`); the fake runs here.
//
//   npm run bench:google -w @roster/server -- [--users 100000] [--groups 5000] [--store postgres|embedded]
//
// Each user is in one to three groups (about two on average), so memberships are about twice
// the users; every tenth group also has a nested group. Results are printed and written to
// bench/results/<time>-google.json.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FakeGoogleWorkspace } from '../src/simulator/sources/fake-google.js';
import { createBenchStore } from './lib/bench-store.js';
import { startServerProcess } from './lib/server-process.js';

interface Options {
  users: number;
  groups: number;
  store: 'postgres' | 'embedded';
}

function parse(argv: string[]): Options {
  const options: Options = { users: 100_000, groups: 5_000, store: 'postgres' };
  for (let index = 0; index < argv.length; index++) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (flag === '--users') options.users = Number(value);
    else if (flag === '--groups') options.groups = Number(value);
    else if (flag === '--store' && (value === 'postgres' || value === 'embedded')) options.store = value;
    else throw new Error(`unknown option ${flag ?? ''} (--users N, --groups N, --store postgres|embedded)`);
    index++;
  }
  if (!Number.isInteger(options.users) || options.users < 1 || !Number.isInteger(options.groups) || options.groups < 1) throw new Error('--users and --groups take positive integers');
  return options;
}

type Json = Record<string, unknown>;

interface RunJson {
  id: string;
  status: string;
  start_time: string;
  finish_time: string | null;
  counts: Record<string, number>;
  error: string | null;
}

class Management {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async connect(baseUrl: string, clientId: string, clientSecret: string): Promise<Management> {
    const response = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
    return new Management(baseUrl, ((await response.json()) as { access_token: string }).access_token);
  }

  async call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async runs(path: string): Promise<RunJson[]> {
    return (await this.call<{ sync_runs: RunJson[] }>('GET', `${path}/sync_runs?page_size=100`)).sync_runs;
  }

  /** Waits for a finished run not among `seen`, noting the load average and the server's RSS as it goes. */
  async nextRun(path: string, seen: string[], onTick: () => void): Promise<RunJson> {
    for (;;) {
      const done = (await this.runs(path)).find((run) => run.status !== 'running' && !seen.includes(run.id));
      if (done) return done;
      onTick();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  async eventCount(organizationId: string): Promise<number> {
    let count = 0;
    for (let after = ''; ; ) {
      const page = await this.call<{ events: unknown[]; next_cursor: string; has_more: boolean }>('GET', `/api/v1/events?organization_id=${organizationId}&limit=1000${after ? `&after=${after}` : ''}`);
      count += page.events.length;
      if (!page.has_more) return count;
      after = page.next_cursor;
    }
  }
}

function seed(google: FakeGoogleWorkspace, users: number, groups: number): number {
  const directory = google.directory;
  const userIds: string[] = [];
  for (let index = 0; index < users; index++) {
    userIds.push(
      directory.addUser({
        primaryEmail: `person${index}@acme.example`,
        givenName: 'Person',
        familyName: String(index),
        orgUnitPath: `/Unit ${index % 20}`,
        title: 'Engineer',
        department: `Department ${index % 50}`,
        employeeId: `E${index}`,
      }).id,
    );
  }
  const groupIds = Array.from({ length: groups }, (_, index) => directory.addGroup(`Team ${index}`).id);
  let memberships = 0;
  userIds.forEach((id, index) => {
    for (let slot = 0; slot < 1 + (index % 3); slot++) {
      directory.addMember(groupIds[(index * 7 + slot * 131) % groups] as string, id);
      memberships++;
    }
  });
  for (let index = 10; index < groups; index += 10) {
    directory.addMember(groupIds[index - 10] as string, groupIds[index] as string);
    memberships++;
  }
  return memberships;
}

const options = parse(process.argv.slice(2));
const seconds = (run: RunJson) => (Date.parse(run.finish_time ?? run.start_time) - Date.parse(run.start_time)) / 1000;
const loads: number[] = [];
const noteLoad = () => loads.push(Math.round((loadavg()[0] ?? 0) * 10) / 10);

const google = await FakeGoogleWorkspace.start();
const seedStarted = Date.now();
const memberships = seed(google, options.users, options.groups);
process.stdout.write(`seeded ${options.users} users, ${options.groups} groups, ${memberships} memberships in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s\n`);

const store = await createBenchStore(options.store);
const resultsDirectory = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const client = { id: `bench_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
const server = await startServerProcess({
  env: {
    ...store.env,
    LOG_LEVEL: 'warn',
    ROSTER_CLIENT_ID: client.id,
    ROSTER_CLIENT_SECRET: client.secret,
    ROSTER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ROSTER_GOOGLE_API_URL: google.url,
    ROSTER_GOOGLE_OAUTH_URL: google.url,
    ROSTER_SYNC_POLL_SECONDS: '1',
  },
  logFile: `${resultsDirectory}${stamp}-google-server.log`,
  startTimeoutMs: 240_000,
});

try {
  const api = await Management.connect(server.baseUrl, client.id, client.secret);
  const { organization } = await api.call<{ organization: { id: string } }>('POST', '/api/v1/organizations', { display_name: 'Bench' });
  await api.call('PATCH', `/api/v1/organizations/${organization.id}/settings`, { features: [{ name: 'scim', enabled: true }] });
  const { directory } = await api.call<{ directory: { id: string } }>('POST', `/api/v1/organizations/${organization.id}/directories`, {
    directory_type: 'GOOGLE_WORKSPACE',
    credentials: { service_account_key: google.createServiceAccountKey(), admin_email: 'admin@acme.example' },
  });
  const path = `/api/v1/organizations/${organization.id}/directories/${directory.id}`;
  const rssBefore = server.peakRssMb();
  const cpuBefore = server.cpuSeconds();
  const callsBefore = google.server.stats.total;
  // This process serves the fake Google: its CPU time is the source's share of the wall time.
  const fakeCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const fakeCpuBefore = fakeCpu();
  noteLoad();

  const first = await api.nextRun(path, [], noteLoad);
  const firstCalls = google.server.stats.total - callsBefore;
  const firstCalled = { ...google.server.stats.calls };
  const firstCpu = server.cpuSeconds() - cpuBefore;
  const firstRss = server.peakRssMb();
  const firstFakeCpu = fakeCpu() - fakeCpuBefore;
  const eventsAfterFirst = await api.eventCount(organization.id);
  process.stdout.write(`first sync: ${first.status} in ${seconds(first).toFixed(1)} s, ${firstCalls} calls to Google, ${eventsAfterFirst} events, server CPU ${firstCpu.toFixed(1)} s, fake Google CPU ${firstFakeCpu.toFixed(1)} s, peak RSS ${firstRss.toFixed(0)} MB\n`);

  const callsBeforeResync = google.server.stats.total;
  const cpuBeforeResync = server.cpuSeconds();
  const fakeCpuBeforeResync = fakeCpu();
  await api.call('POST', `${path}:sync`);
  const resync = await api.nextRun(path, [first.id], noteLoad);
  const resyncCalls = google.server.stats.total - callsBeforeResync;
  const resyncCpu = server.cpuSeconds() - cpuBeforeResync;
  const resyncEvents = (await api.eventCount(organization.id)) - eventsAfterFirst;
  const resyncRss = server.peakRssMb();
  const resyncFakeCpu = fakeCpu() - fakeCpuBeforeResync;
  process.stdout.write(`no-change resync: ${resync.status} in ${seconds(resync).toFixed(1)} s, ${resyncCalls} calls to Google, ${resyncEvents} events, server CPU ${resyncCpu.toFixed(1)} s, fake Google CPU ${resyncFakeCpu.toFixed(1)} s, peak RSS ${resyncRss.toFixed(0)} MB\n`);

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  const result = {
    options,
    memberships,
    machine,
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
    rssBeforeMb: Math.round(rssBefore),
    first: { status: first.status, seconds: seconds(first), callsToGoogle: firstCalls, callsByRoute: firstCalled, counts: first.counts, events: eventsAfterFirst, cpuSeconds: firstCpu, fakeGoogleCpuSeconds: firstFakeCpu, peakRssMb: Math.round(firstRss), error: first.error },
    resync: { status: resync.status, seconds: seconds(resync), callsToGoogle: resyncCalls, counts: resync.counts, events: resyncEvents, cpuSeconds: resyncCpu, fakeGoogleCpuSeconds: resyncFakeCpu, peakRssMb: Math.round(resyncRss), error: resync.error },
  };
  const file = `${resultsDirectory}${stamp}-google.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`load average ${result.loadAverage.min}-${result.loadAverage.max}; results: ${file}\n`);
} finally {
  await server.stop();
  await google.close();
  await store.destroy();
}
