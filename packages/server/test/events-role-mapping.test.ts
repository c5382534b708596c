import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expansionIdle } from './support/expansion.js';
import { managementApi } from './support/management-api.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../src/scim/schema/urns.js';


interface EventJson {
  type: string;
  data: { id: string; roles: { role_name: string }[] };
}

// Issue 4: a role mapping change that changes a user's roles emits user_updated for that user,
// through nested groups too, and for no one whose roles stay the same.
describeEachStore('events on role-mapping changes', (fixture) => {
  test('mapping a group to a role emits user_updated for its users (nested included) and no one else', async () => {
    const directory = await fixture.newDirectory();
    const api = managementApi(fixture.server().baseUrl, directory.accessToken);
    const push = async (path: string, body: unknown) => {
      const response = await http<{ id: string }>('POST', `${directory.scim}${path}`, { token: directory.token, body });
      assert.equal(response.status, 201, response.text);
      return response.body.id;
    };
    const direct = await push('/Users', { schemas: [USER_SCHEMA], userName: 'direct@example.com' });
    const nested = await push('/Users', { schemas: [USER_SCHEMA], userName: 'nested@example.com' });
    const outsider = await push('/Users', { schemas: [USER_SCHEMA], userName: 'outsider@example.com' });
    const child = await push('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Child', members: [{ value: nested }] });
    const parent = await push('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Parent', members: [{ value: direct }, { value: child, type: 'Group' }] });
    await push('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Other', members: [{ value: outsider }] });

    const roleName = `editor_${Date.now()}`;
    assert.equal((await api.post('/api/v1/roles', { name: roleName, permissions: ['docs:write'] })).status, 201);
    // Everything so far has its events (they are composed in the background) before the cursor is taken.
    await expansionIdle(fixture.server());
    const start = await api.get<{ next_cursor: string }>(`/api/v1/events?directory_id=${directory.directoryId}&limit=100`);
    let cursor = start.body.next_cursor;
    for (;;) {
      const page = await api.get<{ events: EventJson[]; next_cursor: string }>(`/api/v1/events?after=${encodeURIComponent(cursor)}&directory_id=${directory.directoryId}&limit=100`);
      cursor = page.body.next_cursor;
      if (page.body.events.length === 0) break;
    }

    const base = `/api/v1/organizations/${directory.organizationId}/directories/${directory.directoryId}`;
    assert.equal((await api.put(`${base}/groups/-/roles:assign`, { assignments: [{ group_id: parent, role_name: roleName }] })).status, 200);

    // The worker composes them after the change commits: they appear together, at the change's place in the log.
    let events: EventJson[] = [];
    for (const deadline = Date.now() + 15_000; events.length === 0 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 25))) {
      events = (await api.get<{ events: EventJson[] }>(`/api/v1/events?after=${encodeURIComponent(cursor)}&directory_id=${directory.directoryId}&limit=100`)).body.events;
    }
    const updated = events.filter((event) => event.type === 'organization.directory.user_updated');
    assert.deepEqual(updated.map((event) => event.data.id).sort(), [direct, nested].sort());
    for (const event of updated) assert.ok(event.data.roles.some((role) => role.role_name === roleName));
  });
});
