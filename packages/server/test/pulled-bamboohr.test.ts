import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeBambooHR } from '../src/simulator/sources/fake-bamboohr.js';
import { eventSummary, PulledApi, pulledEnv, type DirectoryJson } from './support/pulled-directories.js';
import { startTestServer, storesUnderTest, type TestServer } from './support/test-server.js';

// BambooHR pulled from a local fake that speaks its REST API: employees from a custom report
// (Active and Inactive) or the employee directory (active only), status from employment status,
// departments and divisions as groups, 503 + Retry-After throttling, 401 for a revoked key.

for (const store of storesUnderTest()) {
  describe(`BambooHR directories [${store}]`, () => {
    let bamboo: FakeBambooHR;
    let server: TestServer;
    let api: PulledApi;
    let organizationId: string;
    let directory: DirectoryJson;
    let apiKey: string;
    const ids: Record<string, string> = {};

    before(async () => {
      bamboo = await FakeBambooHR.start({ subdomain: 'acme' });
      const rows: [string, string, string, string | null, string][] = [
        ['Ada', 'Lovelace', 'Engineering', 'ada@acme.example', 'EMEA'],
        ['Alan', 'Turing', 'Engineering', 'alan@acme.example', 'EMEA'],
        ['Grace', 'Hopper', 'Engineering', 'grace@acme.example', 'North America'],
        ['Katherine', 'Johnson', 'Sales', 'katherine@acme.example', 'North America'],
        ['Margaret', 'Hamilton', 'Sales', 'margaret@acme.example', 'North America'],
        ['Edsger', 'Dijkstra', 'Engineering', 'edsger@acme.example', 'EMEA'],
        ['Barbara', 'Liskov', 'Sales', 'barbara@acme.example', 'North America'],
        ['Donald', 'Knuth', 'Engineering', 'donald@acme.example', 'North America'],
        ['Frances', 'Allen', 'Sales', 'frances@acme.example', 'North America'],
        ['Hedy', 'Lamarr', 'Operations', null, 'EMEA'],
      ];
      for (const [firstName, lastName, department, workEmail, division] of rows) {
        ids[firstName.toLowerCase()] = bamboo.addEmployee({ firstName, lastName, department, workEmail, division, jobTitle: 'Engineer' }).id;
      }
      bamboo.addEmployee({ firstName: 'Charles', lastName: 'Babbage', department: 'Engineering', workEmail: 'charles@acme.example', division: 'EMEA', status: 'Inactive', employmentHistoryStatus: 'Terminated' });
      apiKey = bamboo.createApiKey();
      server = await startTestServer({ store, env: pulledEnv({ bamboohr: bamboo.url }) });
      api = await PulledApi.connect(server.baseUrl, server.clientId, server.clientSecret);
      organizationId = await api.organization();
    });
    after(async () => {
      await server?.close();
      await bamboo?.close();
    });

    test('mistakes in a new directory are 400s naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ directory_type: 'BAMBOOHR' }, 'bamboohr'],
        [{ directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'not a subdomain!' } }, 'bamboohr.subdomain'],
        [{ directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, credentials: { api_key: 'short' } }, 'credentials.api_key'],
        [{ directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, google_workspace: {} }, 'google_workspace'],
        [{ directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, credentials: { admin_email: 'a@b.example' } }, 'credentials.service_account_key'],
        [{ directory_type: 'BAMBOOHR', directory_provider: 'OKTA', bamboohr: { subdomain: 'acme' } }, 'directory_provider'],
        [{ directory_type: 'SCIM', directory_provider: 'OKTA', bamboohr: { subdomain: 'acme' } }, 'bamboohr'],
        [{ directory_type: 'SCIM', directory_provider: 'BAMBOOHR' }, 'directory_provider'],
        [{ directory_type: 'SCIM' }, 'directory_provider'],
        [{ directory_type: 'WORKDAY' }, 'directory_type'],
      ];
      for (const [body, parameter] of cases) {
        const response = await api.call<{ code: string; details?: { parameter?: string } }>('POST', `/api/v1/organizations/${organizationId}/directories`, body);
        assert.equal(response.status, 400, `${JSON.stringify(body)}: ${response.text}`);
        assert.equal(response.body.details?.parameter, parameter, `${JSON.stringify(body)}: ${response.text}`);
      }
    });

    test('the first sync: employees become users, terminated ones inactive, departments and divisions groups', async () => {
      const cursor = (await api.events('none')).cursor;
      directory = await api.createDirectory(organizationId, { directory_type: 'BAMBOOHR', bamboohr: { subdomain: 'acme' }, credentials: { api_key: apiKey } });
      assert.equal(directory.directory_provider, 'BAMBOOHR');
      const run = await api.nextRun(organizationId, directory.id);
      assert.equal(run.status, 'succeeded', run.error ?? '');
      assert.equal(run.counts.users_created, 11);
      assert.equal(run.counts.groups_created, 5, 'Engineering, Sales, Operations; EMEA, North America');
      const users = await api.users(organizationId, directory.id);
      assert.equal(users.length, 11);
      assert.equal(users.find((user) => user.email === 'charles@acme.example')?.active, false);
      const hedy = users.find((user) => user.given_name === 'Hedy');
      assert.equal(hedy?.preferred_username, `acme-employee-${ids.hedy}`, 'an employee without a work email still gets a unique userName');
      const ada = users.find((user) => user.email === 'ada@acme.example');
      assert.deepEqual(ada?.groups.map((group) => group.display_name).sort(), ['EMEA', 'Engineering']);
      const { events } = await api.eventsSettled(directory.id, cursor, 16);
      const types = eventSummary(events);
      assert.equal(types.filter((type) => type === 'user_created').length, 11);
      assert.equal(types.filter((type) => type === 'group_created').length, 5);
      const text = JSON.stringify(await api.directory(organizationId, directory.id));
      assert.ok(!text.includes(apiKey), 'the API key is never returned');
    });

    test('a termination is one user_updated making the user inactive', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      bamboo.terminate(ids.alan as string);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.counts.users_deactivated, 1);
      const { events } = await api.eventsSettled(directory.id, cursor);
      assert.deepEqual(eventSummary(events), ['user_updated']);
      assert.equal((events[0]?.data as { active?: boolean }).active, false);
    });

    test('a move to another department changes the user and both groups, as SCIM would', async () => {
      const cursor = (await api.events(directory.id)).cursor;
      const katherine = bamboo.employees.get(ids.katherine as string);
      if (katherine) katherine.department = 'Engineering';
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.deepEqual([run.counts.users_updated, run.counts.memberships_added, run.counts.memberships_removed], [1, 1, 1]);
      const { events } = await api.eventsSettled(directory.id, cursor, 5);
      assert.deepEqual(eventSummary(events).sort(), ['group_updated', 'group_updated', 'user_updated', 'user_updated', 'user_updated']);
      const moved = (await api.users(organizationId, directory.id)).find((user) => user.email === 'katherine@acme.example');
      assert.deepEqual(moved?.groups.map((group) => group.display_name).sort(), ['Engineering', 'North America']);
    });

    test('throttling (503 with Retry-After) is waited out', async () => {
      bamboo.server.failNext({ status: 503, headers: { 'retry-after': '0', 'x-bamboohr-error-message': 'Service Unavailable' } }, 2);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.status, 'succeeded', run.error ?? '');
      assert.equal(run.counts.source_calls, 3, 'two refusals, then the report');
    });

    test('a revoked API key marks the directory invalid_credentials and removes no one', async () => {
      bamboo.apiKeys.clear();
      bamboo.employees.delete(ids.donald as string);
      const run = await api.syncAndWait(organizationId, directory.id);
      assert.equal(run.error_code, 'invalid_credentials');
      assert.match(run.error ?? '', /401 Invalid API key/);
      assert.equal((await api.directory(organizationId, directory.id)).status, 'INVALID_CREDENTIALS');
      assert.equal((await api.users(organizationId, directory.id)).length, 11);
      apiKey = bamboo.createApiKey();
      const earlier = await api.runIds(organizationId, directory.id);
      await api.ok('PATCH', `/api/v1/organizations/${organizationId}/directories/${directory.id}/source`, { credentials: { api_key: apiKey } });
      const resumed = await api.nextRun(organizationId, directory.id, earlier);
      assert.equal(resumed.status, 'succeeded', resumed.error ?? '');
      assert.equal(resumed.counts.users_deleted, 1);
    });

    test('from the employee directory: active employees only; one who leaves it is deleted', async () => {
      const listed = await api.createDirectory(organizationId, {
        directory_type: 'BAMBOOHR',
        name: 'From the directory',
        bamboohr: { subdomain: 'acme', employees_from: 'directory', group_by: ['department'] },
        credentials: { api_key: apiKey },
        safety_threshold_percent: 50,
      });
      const first = await api.nextRun(organizationId, listed.id);
      assert.equal(first.status, 'succeeded', first.error ?? '');
      const active = [...bamboo.employees.values()].filter((employee) => employee.status === 'Active').length;
      assert.equal((await api.users(organizationId, listed.id)).length, active);
      assert.deepEqual((await api.groups(organizationId, listed.id)).map((group) => group.display_name).sort(), ['Engineering', 'Operations', 'Sales']);
      bamboo.terminate(ids.grace as string);
      const second = await api.syncAndWait(organizationId, listed.id);
      assert.equal(second.counts.users_deleted, 1);
      assert.equal((await api.users(organizationId, listed.id)).length, active - 1);
    });
  });
}
