import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { expansionIdle } from './support/expansion.js';
import { expectBadParameter, expectError, managementApi, walkPages, type Json } from './support/management-api.js';
import { USER_SCHEMA, sleep } from './support/scim-fixtures.js';

interface Secret {
  id: string;
  status: string;
  secret_suffix: string;
  expire_time: string | null;
}

interface Directory {
  id: string;
  name: string;
  directory_provider: string;
  enabled: boolean;
  status: string;
  secrets: Secret[];
  total_users: number;
  stats: { total_users: number };
  role_assignments: { assignments: unknown[] };
  attribute_mappings: { attributes: unknown[] };
}

// Exactly the fields of the directory in Scalekit's SCIM guide.
// Scalekit's fields, and Roster's `source` (null for SCIM directories; pulled directories' source).
const DIRECTORY_FIELDS = [
  'attribute_mappings', 'directory_endpoint', 'directory_provider', 'directory_type', 'email', 'enabled', 'groups_tracked', 'id',
  'last_synced_at', 'name', 'organization_id', 'role_assignments', 'secrets', 'source', 'stats', 'status', 'total_groups', 'total_users',
];

describeEachStore('management API: directories and secrets', (fixture) => {
  const api = () => managementApi(fixture.server().baseUrl, fixture.directory().accessToken);
  const directories = (organizationId: string) => `/api/v1/organizations/${organizationId}/directories`;

  test('a directory serializes exactly the fields of Scalekit guide; get, list, update', async () => {
    const provisioned = await fixture.newDirectory('AZURE_AD');
    const path = `${directories(provisioned.organizationId)}/${provisioned.directoryId}`;
    await http('POST', `${provisioned.scim}/Users`, { token: provisioned.token, body: { schemas: [USER_SCHEMA], userName: 'one@example.com' } });

    const fetched = await api().get<{ directory: Directory & Json }>(path);
    assert.equal(fetched.status, 200, fetched.text);
    assert.deepEqual(Object.keys(fetched.body.directory).sort(), DIRECTORY_FIELDS);
    const directory = fetched.body.directory;
    assert.equal(directory.directory_type, 'SCIM');
    assert.equal(directory.directory_provider, 'AZURE_AD');
    assert.equal(directory.enabled, true);
    assert.equal(directory.total_users, 1);
    assert.equal(directory.stats.total_users, 1);
    assert.equal(directory.secrets.length, 1);
    assert.deepEqual(directory.role_assignments, { assignments: [] });
    assert.deepEqual(directory.attribute_mappings, { attributes: [] });
    assert.equal(directory.directory_endpoint, provisioned.scim);
    assert.equal(directory.source, null);

    const updated = await api().patch<{ directory: Directory }>(path, { name: 'Entra production', directory_provider: 'OKTA' });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.directory.name, 'Entra production');
    assert.equal(updated.body.directory.directory_provider, 'OKTA');
    expectBadParameter(await api().patch(path, { directory_provider: 'NOPE' }), 'directory_provider');
    expectBadParameter(await api().patch(path, { name: '' }), 'name');

    const second = await api().post<{ directory: Directory }>(directories(provisioned.organizationId), { directory_type: 'SCIM', directory_provider: 'GOOGLE', name: 'Workspace' });
    assert.equal(second.status, 201, second.text);
    assert.equal(second.body.directory.status, 'NOT_CONFIGURED');
    const listed = await api().get<{ directories: Directory[]; total_size: number }>(directories(provisioned.organizationId));
    assert.deepEqual(listed.body.directories.map((each) => each.id), [provisioned.directoryId, second.body.directory.id]);
    assert.equal(listed.body.total_size, 2);
    const { pages } = await walkPages<Directory>((token) => api().get(`${directories(provisioned.organizationId)}?page_size=1&page_token=${token}`), 'directories');
    assert.deepEqual(pages.map((page) => page.map((each) => each.id)), [[provisioned.directoryId], [second.body.directory.id]]);
  });

  test("another organization's directory is a 404 for every directory route", async () => {
    const mine = fixture.directory();
    const theirs = await fixture.newDirectory();
    const crossed = `${directories(mine.organizationId)}/${theirs.directoryId}`;
    const attempts: [string, string, unknown?][] = [
      ['GET', crossed],
      ['PATCH', crossed, { name: 'stolen' }],
      ['DELETE', crossed],
      ['PATCH', `${crossed}:disable`],
      ['POST', `${crossed}/secrets`, {}],
      ['POST', `${crossed}/secrets:regenerate`, {}],
      ['POST', `${crossed}/secrets/${'dirsec_x'}:revoke`, {}],
      ['GET', `${crossed}/users`],
      ['GET', `${crossed}/groups`],
      ['PUT', `${crossed}/attributes`, { attributes: [] }],
      ['PUT', `${crossed}/groups/-/roles:assign`, { assignments: [] }],
    ];
    for (const [method, path, body] of attempts) {
      expectError(await api().call(method, path, body), 404, 'not_found');
    }
    expectError(await api().get(`${directories('org_unknown')}/${mine.directoryId}`), 404);
    // Untouched.
    const still = await api().get<{ directory: Directory }>(`${directories(theirs.organizationId)}/${theirs.directoryId}`);
    assert.equal(still.body.directory.enabled, true);
  });

  test(':disable answers the IdP 403 and :enable restores it; both are events', async () => {
    const provisioned = await fixture.newDirectory();
    const path = `${directories(provisioned.organizationId)}/${provisioned.directoryId}`;
    const disabled = await api().patch<Json>(`${path}:disable`);
    assert.equal(disabled.status, 200, disabled.text);
    assert.deepEqual(disabled.body, { enabled: false });
    const refused = await http<Json>('GET', `${provisioned.scim}/Users`, { token: provisioned.token });
    assert.equal(refused.status, 403);
    assert.equal((await api().get<{ directory: Directory }>(path)).body.directory.status, 'DISABLED');

    const enabled = await api().patch<Json>(`${path}:enable`);
    assert.deepEqual(enabled.body, { enabled: true });
    assert.equal((await http('GET', `${provisioned.scim}/Users`, { token: provisioned.token })).status, 200);

    const pool = fixture.server().server.services.db.pool;
    const events = await pool.query<{ type: string }>('SELECT type FROM events WHERE directory_id = $1 ORDER BY id', [provisioned.directoryId]);
    const types = events.rows.map((row) => row.type);
    assert.ok(types.includes('organization.directory_disabled'), types.join());
    assert.ok(types.includes('organization.directory_enabled'), types.join());

    // Enabled while the organization's SCIM feature is off: enabled, with the reason it still cannot run.
    await api().patch(`${path}:disable`);
    await api().patch(`/api/v1/organizations/${provisioned.organizationId}/settings`, { features: [{ name: 'scim', enabled: false }] });
    const blocked = await api().patch<{ enabled: boolean; error_message?: string }>(`${path}:enable`);
    assert.equal(blocked.body.enabled, true);
    assert.match(blocked.body.error_message ?? '', /SCIM is turned off/);
  });

  test('delete removes the directory, its users and its secrets, with an event', async () => {
    const provisioned = await fixture.newDirectory();
    const path = `${directories(provisioned.organizationId)}/${provisioned.directoryId}`;
    await http('POST', `${provisioned.scim}/Users`, { token: provisioned.token, body: { schemas: [USER_SCHEMA], userName: 'deleted@example.com' } });
    const deleted = await api().delete(path);
    assert.equal(deleted.status, 204, deleted.text);
    expectError(await api().get(path), 404);
    expectError(await api().get(`${path}/users`), 404);
    assert.equal((await http('GET', `${provisioned.scim}/Users`, { token: provisioned.token })).status, 401);
    const pool = fixture.server().server.services.db.pool;
    const users = await pool.query('SELECT 1 FROM directory_users WHERE directory_id = $1', [provisioned.directoryId]);
    assert.equal(users.rowCount, 0);
    // Named by the expansion worker after the user events of the directory's last changes (directory-events.ts).
    await expansionIdle(fixture.server());
    const events = await pool.query<{ type: string }>("SELECT type FROM events WHERE directory_id = $1 AND type = 'organization.directory.deleted'", [provisioned.directoryId]);
    assert.equal(events.rowCount, 1);
  });

  test('regression: the request log batch of a directory deleted before it was written neither fails nor takes other directories down', async () => {
    const doomed = await fixture.newDirectory();
    const other = fixture.directory();
    // Both IdPs call; their log lines wait in the recorder's buffer (written a second later).
    assert.equal((await http('GET', `${doomed.scim}/Users`, { token: doomed.token })).status, 200);
    const marker = `/Users?filter=${encodeURIComponent(`userName eq "marker-${Date.now()}@example.com"`)}`;
    assert.equal((await http('GET', `${other.scim}${marker}`, { token: other.token })).status, 200);
    assert.equal((await api().delete(`${directories(doomed.organizationId)}/${doomed.directoryId}`)).status, 204);
    await sleep(1500);
    const pool = fixture.server().server.services.db.pool;
    const logged = await pool.query('SELECT 1 FROM scim_request_log WHERE directory_id = $1 AND path LIKE $2', [other.directoryId, '%marker-%']);
    assert.equal(logged.rowCount, 1, "the other directory's line was written");
    assert.equal((await api().get(`${directories(other.organizationId)}/${other.directoryId}`)).status, 200);
  });

  test('secrets: create shows the secret once; regenerate keeps old ones for the grace period; revoke ends one at once', async () => {
    const provisioned = await fixture.newDirectory();
    const secrets = `${directories(provisioned.organizationId)}/${provisioned.directoryId}/secrets`;
    const scimStatus = async (token: string) => (await http('GET', `${provisioned.scim}/Users`, { token })).status;

    const regenerated = await api().post<{ plain_secret: string; secret: Secret; expiring_secrets: Secret[] }>(`${secrets}:regenerate`, {});
    assert.equal(regenerated.status, 200, regenerated.text);
    assert.equal(regenerated.headers.get('cache-control'), 'no-store');
    assert.match(regenerated.body.plain_secret, /^rsk_/);
    assert.equal(regenerated.body.secret.secret_suffix, regenerated.body.plain_secret.slice(-4));
    assert.equal(regenerated.body.expiring_secrets.length, 1);
    const grace = Date.parse(regenerated.body.expiring_secrets[0]?.expire_time ?? '') - Date.now();
    assert.ok(grace > 23 * 3600_000 && grace <= 24 * 3600_000, `a 24-hour grace period, got ${grace} ms`);
    assert.equal(await scimStatus(provisioned.token), 200, 'the old secret works during the grace period');
    assert.equal(await scimStatus(regenerated.body.plain_secret), 200);

    const immediate = await api().post<{ plain_secret: string; expiring_secrets: Secret[] }>(`${secrets}:regenerate`, { grace_period_seconds: 0 });
    assert.equal(immediate.status, 200, immediate.text);
    assert.equal(immediate.body.expiring_secrets.length, 2, 'both earlier secrets');
    assert.equal(await scimStatus(provisioned.token), 401, 'no grace: the old secrets stop at once');
    assert.equal(await scimStatus(regenerated.body.plain_secret), 401);
    assert.equal(await scimStatus(immediate.body.plain_secret), 200);
    const listed = await api().get<{ directory: Directory }>(`${directories(provisioned.organizationId)}/${provisioned.directoryId}`);
    assert.deepEqual(listed.body.directory.secrets.map((secret) => secret.status), ['EXPIRED', 'EXPIRED', 'ACTIVE']);

    expectBadParameter(await api().post(`${secrets}:regenerate`, { grace_period_seconds: -1 }), 'grace_period_seconds');
    expectBadParameter(await api().post(`${secrets}:regenerate`, { grace_period_seconds: 8 * 86400 }), 'grace_period_seconds');
    expectBadParameter(await api().post(`${secrets}:regenerate`, { grace_period_seconds: '60' }), 'grace_period_seconds');
    expectBadParameter(await api().post(secrets, { expire_time: 'tomorrow' }), 'expire_time');

    const current = listed.body.directory.secrets[2];
    assert.ok(current);
    const revoked = await api().post<{ secret: Secret }>(`${secrets}/${current.id}:revoke`, {});
    assert.equal(revoked.body.secret.status, 'REVOKED');
    assert.equal(await scimStatus(immediate.body.plain_secret), 401);
    expectError(await api().post(`${secrets}/dirsec_unknown:revoke`, {}), 404, 'not_found');
  });
});
