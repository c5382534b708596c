import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, type Roster, type RosterEvent } from '../src/index.js';
import { pushSampleData } from './support/sample-data.js';
import { USER_SCHEMA, collect, describeEachStore, provision, rejectsWith, scimCreate } from './support/sdk-server.js';

// Sample data ("Send sample data" in the portal) seen and removed through the SDK.

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The directory's events of a type, read from the oldest until `count` are there (an event shows once every earlier commit is visible). */
async function eventsOf(roster: Roster, directoryId: string, type: string, count: number): Promise<RosterEvent[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const events = await collect(roster.events.iterate({ directoryId, types: [type] }));
    if (events.length >= count || Date.now() > deadline) return events;
    await sleep(200);
  }
}

const idOf = (event: RosterEvent) => (event.data as { id: string }).id;

describeEachStore('SDK: sample data', (fixture) => {
  const roster = () => fixture.roster();

  test('sample users and groups are marked, counted, and removed with events, leaving the real users', { timeout: 300_000 }, async () => {
    const { organizationId, directoryId, connection } = await provision(roster(), 'Sample');
    const realId = await scimCreate(connection, 'Users', { schemas: [USER_SCHEMA], userName: 'real.person@customer.example' });
    assert.deepEqual(await roster().directory.getSampleData(organizationId, directoryId), { sample_data: { users: 0, groups: 0 } });

    const { location } = await roster().organization.generatePortalLink(organizationId);
    const pushed = await pushSampleData(location, directoryId);
    assert.deepEqual([pushed.users, pushed.groups, pushed.failed_requests], [8, 3, 0]);

    assert.deepEqual(await roster().directory.getSampleData(organizationId, directoryId), { sample_data: { users: 8, groups: 3 } });
    const users = await collect(roster().directory.iterateDirectoryUsers(organizationId, directoryId, { pageSize: 4 }));
    assert.equal(users.length, 9);
    const marks = Object.fromEntries(users.map((user) => [user.id, user.sample]));
    assert.equal(marks[realId], undefined, 'the real user carries no sample mark');
    assert.deepEqual(users.filter((user) => user.id !== realId).map((user) => user.sample), Array(8).fill(true));
    assert.deepEqual((await roster().directory.listDirectoryGroups(organizationId, directoryId)).groups.map((group) => group.sample), [true, true, true]);
    assert.equal((await roster().directory.getDirectoryUser(organizationId, directoryId, realId)).user.sample, undefined);
    const created = await eventsOf(roster(), directoryId, 'organization.directory.user_created', 9);
    assert.deepEqual(Object.fromEntries(created.map((event) => [idOf(event), (event.data as { sample?: true }).sample])), marks, 'the events say sample too, only for the sample users');

    assert.deepEqual(await roster().directory.removeSampleData(organizationId, directoryId), { removed: { users: 8, groups: 3 } });
    assert.deepEqual((await collect(roster().directory.iterateDirectoryUsers(organizationId, directoryId))).map((user) => user.id), [realId]);
    assert.deepEqual((await roster().directory.listDirectoryGroups(organizationId, directoryId)).groups, []);
    assert.deepEqual(await roster().directory.getSampleData(organizationId, directoryId), { sample_data: { users: 0, groups: 0 } });
    const deleted = await eventsOf(roster(), directoryId, 'organization.directory.user_deleted', 8);
    assert.deepEqual(deleted.map(idOf).sort(), users.filter((user) => user.id !== realId).map((user) => user.id).sort());
    assert.deepEqual(await roster().directory.removeSampleData(organizationId, directoryId), { removed: { users: 0, groups: 0 } }, 'removing again removes nothing');
  });

  test("another organization's directory is a NotFoundError", async () => {
    const [mine, theirs] = [await provision(roster(), 'Mine'), await provision(roster(), 'Theirs')];
    await rejectsWith(roster().directory.getSampleData(mine.organizationId, theirs.directoryId), NotFoundError);
    await rejectsWith(roster().directory.removeSampleData(mine.organizationId, theirs.directoryId), NotFoundError);
  });
});
