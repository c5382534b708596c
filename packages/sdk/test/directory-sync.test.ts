import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { FakeBambooHR } from '../../server/src/simulator/sources/fake-bamboohr.js';
import { FakeGoogleWorkspace } from '../../server/src/simulator/sources/fake-google.js';
import { pulledEnv } from '../../server/test/support/pulled-directories.js';
import { BadRequestError, NotFoundError, type Roster, type SyncRun } from '../src/index.js';
import { collect, describeEachStore, rejectsWith } from './support/sdk-server.js';

// roster.directory's pulled-directory operations (Google Workspace, BambooHR) against a real Roster
// syncing from the local fakes of both sources: create with settings and credentials, the runs,
// "Sync now", changing the source, a mass removal held and approved, and the errors.

const google = await FakeGoogleWorkspace.start();
const bamboo = await FakeBambooHR.start({ subdomain: 'acme' });
after(async () => {
  await google.close();
  await bamboo.close();
});

/** Five people in an organizational unit and a group of their own (each store's suite gets its own). */
function team(name: string) {
  const people = ['ada', 'alan', 'grace', 'edsger', 'barbara'].map((handle) =>
    google.directory.addUser({ primaryEmail: `${handle}.${name}@acme.example`, givenName: handle, familyName: name, orgUnitPath: `/${name}` }),
  );
  const group = google.directory.addGroup(name);
  for (const person of people) google.directory.addMember(group.id, person.id);
  return { people, group, orgUnit: `/${name}` };
}
bamboo.addEmployee({ firstName: 'Katherine', lastName: 'Johnson', workEmail: 'katherine@acme.example', department: 'Research', division: 'NASA' });

/** Waits for a finished run that is not one of `seen`. */
async function nextRun(roster: Roster, organizationId: string, directoryId: string, seen: string[] = []): Promise<SyncRun> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const runs = await collect(roster.directory.iterateDirectorySyncRuns(organizationId, directoryId, { pageSize: 2 }));
    const done = runs.find((run) => run.status !== 'running' && !seen.includes(run.id));
    if (done) return done;
    assert.ok(Date.now() < deadline, `no run finished in time: ${JSON.stringify(runs)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachStore(
  'SDK: roster.directory, pulled directories',
  (fixture) => {
    const roster = () => fixture.roster();

    test('Google Workspace: create with credentials, first run, Sync now, source changes, a held run approved', async () => {
      const { organization } = await roster().organization.createOrganization('Pulled through the SDK');
      await roster().organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
      const key = google.createServiceAccountKey();
      const { people, group: engineering, orgUnit } = team(`Engineering${fixture.store}`);
      const { directory } = await roster().directory.createDirectory(organization.id, {
        directoryType: 'GOOGLE_WORKSPACE',
        name: 'Google',
        googleWorkspace: { groupEmails: [engineering.email] },
        credentials: { serviceAccountKey: { ...key }, adminEmail: 'admin@acme.example' },
        syncIntervalMinutes: 60,
      });
      assert.equal(directory.directory_type, 'GOOGLE_WORKSPACE');
      assert.equal(directory.directory_provider, 'GOOGLE');
      assert.equal(directory.source?.sync_interval_minutes, 60);
      assert.deepEqual(directory.source?.google_workspace?.group_emails, [engineering.email]);
      assert.deepEqual(directory.source?.connection && [directory.source.connection.kind, directory.source.connection.service_account], ['service_account', key.client_email]);
      assert.ok(!JSON.stringify(directory).includes('PRIVATE KEY'), 'the key is never returned');

      const first = await nextRun(roster(), organization.id, directory.id);
      assert.equal(first.status, 'succeeded', JSON.stringify(first));
      assert.deepEqual([first.counts.users_created, first.counts.groups_created, first.counts.memberships_added], [5, 1, 5]);
      assert.equal((await collect(roster().directory.iterateDirectoryUsers(organization.id, directory.id))).length, 5);

      const changed = await roster().directory.updateDirectorySource(organization.id, directory.id, { safetyThresholdPercent: 30, googleWorkspace: { orgUnits: [orgUnit] } });
      assert.equal(changed.directory.source?.safety_threshold_percent, 30);
      assert.deepEqual(changed.directory.source?.google_workspace?.org_units, [orgUnit]);
      assert.deepEqual(changed.directory.source?.google_workspace?.group_emails, [engineering.email], 'settings not sent stay');
      const scoped = await nextRun(roster(), organization.id, directory.id, [first.id]);
      assert.equal(scoped.status, 'succeeded', JSON.stringify(scoped));

      // Three of five gone at once is past 30%: held, and nothing removed until approved.
      for (const person of people.slice(0, 3)) google.directory.deleteUser(person.id);
      const seen = (await roster().directory.listDirectorySyncRuns(organization.id, directory.id, { pageSize: 100 })).sync_runs.map((run) => run.id);
      const syncing = await roster().directory.syncDirectory(organization.id, directory.id);
      assert.equal(syncing.directory.id, directory.id);
      const held = await nextRun(roster(), organization.id, directory.id, seen);
      assert.equal(held.status, 'held', JSON.stringify(held));
      assert.equal(held.trigger, 'manual');
      assert.equal(held.held?.users_deleted, 3);
      assert.equal((await roster().directory.getDirectory(organization.id, directory.id)).directory.status, 'NEEDS_REVIEW');
      assert.equal((await collect(roster().directory.iterateDirectoryUsers(organization.id, directory.id))).length, 5);

      const approved = await roster().directory.approveDirectorySyncRun(organization.id, directory.id, held.id);
      assert.equal(approved.sync_run.id, held.id);
      assert.ok(approved.sync_run.approve_time);
      await rejectsWith(roster().directory.approveDirectorySyncRun(organization.id, directory.id, held.id), BadRequestError);
      const applied = await nextRun(roster(), organization.id, directory.id, [...seen, held.id]);
      assert.deepEqual([applied.trigger, applied.status, applied.counts.users_deleted], ['approval', 'succeeded', 3]);
      assert.equal((await collect(roster().directory.iterateDirectoryUsers(organization.id, directory.id))).length, 2);
      const all = await collect(roster().directory.iterateDirectorySyncRuns(organization.id, directory.id, { pageSize: 1 }));
      assert.deepEqual(all.map((run) => run.id).slice(0, 2), [applied.id, held.id], 'newest first, across pages');
    });

    test('BambooHR: create, then connect with an API key; the errors of pulled operations', async () => {
      const { organization } = await roster().organization.createOrganization('BambooHR through the SDK');
      await roster().organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
      const { directory } = await roster().directory.createDirectory(organization.id, { directoryType: 'BAMBOOHR', bamboohr: { subdomain: 'acme', groupBy: ['department'] } });
      assert.equal(directory.source?.status, 'not_connected');
      const notYet = await rejectsWith(roster().directory.syncDirectory(organization.id, directory.id), BadRequestError);
      assert.equal(notYet.code, 'failed_precondition');

      await roster().directory.updateDirectorySource(organization.id, directory.id, { credentials: { apiKey: bamboo.createApiKey() } });
      const run = await nextRun(roster(), organization.id, directory.id);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      const groups = await collect(roster().directory.iterateDirectoryGroups(organization.id, directory.id));
      assert.deepEqual(groups.map((group) => group.display_name), ['Research']);

      const wrong = await rejectsWith(roster().directory.updateDirectorySource(organization.id, directory.id, { bamboohr: { subdomain: 'not a subdomain' } }), BadRequestError);
      assert.match(wrong.parameter ?? '', /bamboohr\.subdomain/);
      await rejectsWith(roster().directory.approveDirectorySyncRun(organization.id, directory.id, 'syncrun_missing'), NotFoundError);
      const { directory: scimDirectory } = await roster().directory.createDirectory(organization.id, { directoryProvider: 'OKTA' });
      assert.equal(scimDirectory.source, null);
      assert.equal((await rejectsWith(roster().directory.syncDirectory(organization.id, scimDirectory.id), BadRequestError)).code, 'failed_precondition');
      await rejectsWith(roster().directory.listDirectorySyncRuns(organization.id, scimDirectory.id), BadRequestError);
    });
  },
  { env: pulledEnv({ google: google.url, bamboohr: bamboo.url }) },
);
