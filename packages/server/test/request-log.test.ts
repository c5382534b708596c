import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { PATCH_SCHEMA, USER_SCHEMA, waitFor, type Json } from './support/scim-fixtures.js';

// ARCHITECTURE.md: every SCIM request and response is kept per directory, with secrets and
// passwords redacted, so a customer can see why provisioning failed.

interface LogRow {
  id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  user_agent: string | null;
  request_body: unknown;
  response_body: unknown;
}

const PASSWORDS = ['Initial-Pa55word!', 'Patched-Pa55word!', 'NoPath-Pa55word!', 'Put-Pa55word!'];

describeEachStore('SCIM request log', (fixture) => {
  test('each SCIM request is logged with method, path, status, duration and bodies, passwords redacted, within ~1.5 s', async () => {
    const directory = await fixture.newDirectory();
    const pool = fixture.server().server.services.db.pool;
    const rows = async () =>
      (await pool.query<LogRow>('SELECT * FROM scim_request_log WHERE directory_id = $1 ORDER BY id', [directory.directoryId])).rows;
    const send = (method: string, path: string, body?: unknown) =>
      http<Json>(method, `${directory.scim}${path}`, { token: directory.token, ...(body === undefined ? {} : { body }), headers: { 'user-agent': 'Okta SCIM Client 1.0.0' } });

    const created = await send('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'logged@example.com', password: PASSWORDS[0] });
    assert.equal(created.status, 201, created.text);
    const id = String(created.body.id);
    const patched = await send('PATCH', `/Users/${id}`, {
      schemas: [PATCH_SCHEMA],
      Operations: [
        { op: 'replace', path: 'password', value: PASSWORDS[1] },
        { op: 'replace', path: 'displayName', value: 'Logged User' },
      ],
    });
    assert.equal(patched.status, 200, patched.text);
    const noPath = await send('PATCH', `/Users/${id}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'Replace', value: { password: PASSWORDS[2], title: 'Tester' } }] });
    assert.equal(noPath.status, 200, noPath.text);
    const put = await send('PUT', `/Users/${id}`, { schemas: [USER_SCHEMA], userName: 'logged@example.com', password: PASSWORDS[3] });
    assert.equal(put.status, 200, put.text);
    const duplicate = await send('POST', '/Users', { schemas: [USER_SCHEMA], userName: 'LOGGED@example.com' });
    assert.equal(duplicate.status, 409, duplicate.text);
    const list = await send('GET', `/Users?filter=${encodeURIComponent('userName eq "logged@example.com"')}`);
    assert.equal(list.status, 200, list.text);
    const lastRequestAt = Date.now();

    const logged = await waitFor(async () => {
      const found = await rows();
      return found.length >= 6 ? found : undefined;
    }, 1_750);
    const elapsed = Date.now() - lastRequestAt;
    assert.ok(logged, `the request log had ${(await rows()).length} of 6 rows ${elapsed} ms after the last request`);
    assert.deepEqual(
      logged.map((row) => [row.method, row.status]),
      [['POST', 201], ['PATCH', 200], ['PATCH', 200], ['PUT', 200], ['POST', 409], ['GET', 200]],
    );
    const prefix = new URL(directory.scim).pathname;
    assert.deepEqual(
      logged.map((row) => row.path),
      [`${prefix}/Users`, `${prefix}/Users/${id}`, `${prefix}/Users/${id}`, `${prefix}/Users/${id}`, `${prefix}/Users`, `${prefix}/Users?filter=${encodeURIComponent('userName eq "logged@example.com"')}`],
    );
    for (const row of logged) {
      assert.ok(Number.isFinite(row.duration_ms) && row.duration_ms > 0, `duration_ms ${row.duration_ms}`);
      assert.equal(row.user_agent, 'Okta SCIM Client 1.0.0');
    }

    const text = JSON.stringify(logged);
    for (const password of PASSWORDS) assert.ok(!text.includes(password), `${password} reached the request log`);
    assert.ok(!text.includes(directory.token), 'the bearer token reached the request log');

    const [post, patch, noPathPatch, replaced, conflict, listed] = logged;
    assert.equal((post?.request_body as Json).userName, 'logged@example.com');
    assert.equal((post?.request_body as Json).password, '[REDACTED]');
    assert.equal((post?.response_body as Json).id, id);
    const patchOperations = (patch?.request_body as { Operations: Json[] }).Operations;
    assert.equal(patchOperations[0]?.path, 'password');
    assert.equal(patchOperations[0]?.value, '[REDACTED]');
    assert.equal(patchOperations[1]?.value, 'Logged User', 'only the secret is redacted');
    assert.equal(((noPathPatch?.request_body as { Operations: Json[] }).Operations[0]?.value as Json).title, 'Tester');
    assert.equal((replaced?.request_body as Json).password, '[REDACTED]');
    assert.equal((conflict?.response_body as Json).scimType, 'uniqueness');
    assert.equal(listed?.request_body, null);
    assert.equal((listed?.response_body as Json).totalResults, 1);
  });

  test('a body too large to keep is logged as its size, not its content', async () => {
    const directory = await fixture.newDirectory();
    const pool = fixture.server().server.services.db.pool;
    const nickName = 'n'.repeat(80 * 1024);
    const created = await http<Json>('POST', `${directory.scim}/Users`, { token: directory.token, body: { schemas: [USER_SCHEMA], userName: 'big-log@example.com', nickName } });
    assert.equal(created.status, 201, created.text.slice(0, 200));
    const all = await waitFor(async () => {
      const found = (await pool.query<LogRow>('SELECT * FROM scim_request_log WHERE directory_id = $1 ORDER BY id', [directory.directoryId])).rows;
      return found.length > 0 ? found : undefined;
    }, 1_750);
    assert.ok(all);
    assert.deepEqual(all.map((row) => [row.method, row.status]), [['POST', 201]]);
    const body = all[0]?.request_body as Json;
    assert.equal(body.truncated, true);
    assert.ok(typeof body.bytes === 'number' && body.bytes > nickName.length, JSON.stringify(body));
    assert.ok(!JSON.stringify(all).includes(nickName));
  });
});
