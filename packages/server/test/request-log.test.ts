import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { ActivityRecorder } from '../src/directory/request-log/activity-recorder.js';
import { createLogger } from '../src/logger.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';
import { PATCH_SCHEMA, USER_SCHEMA, waitFor, type Json } from './support/scim-fixtures.js';

// docs/architecture.md: every SCIM request and response is kept per directory, with secrets and
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

  test('a request carrying text PostgreSQL cannot store (NUL, lone surrogates, an unsized huge body) costs only itself: the other tenant\'s lines and every stamp are written', async () => {
    const pool = fixture.server().server.services.db.pool;
    const [bad, good] = [await fixture.newDirectory(), await fixture.newDirectory()];
    const goodNames = Array.from({ length: 3 }, (_, index) => `batch-neighbour-${index}@example.com`);
    // Unsized (chunked, no content-length) and over the 64 KiB logged-body limit.
    const huge = JSON.stringify({ schemas: [USER_SCHEMA], userName: 'unsized@example.com', nickName: 'h'.repeat(100 * 1024) });
    const unsized = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    // Back to back, so they share the recorder's one-second batches.
    const responses = await Promise.all([
      http<Json>('POST', `${good.scim}/Users`, { token: good.token, body: { schemas: [USER_SCHEMA], userName: goodNames[0] } }),
      http<Json>('POST', `${bad.scim}/Users`, { token: bad.token, rawBody: `{"schemas":["${USER_SCHEMA}"],"userName":"nul\\u0000@example.com","displayName":"a\\u0000b"}`, headers: { 'content-type': 'application/scim+json' } }),
      http<Json>('POST', `${good.scim}/Users`, { token: good.token, body: { schemas: [USER_SCHEMA], userName: goodNames[1] } }),
      http<Json>('POST', `${bad.scim}/Users`, { token: bad.token, rawBody: `{"schemas":["${USER_SCHEMA}"],"userName":"lone\\ud800@example.com","\\udfff\\u0000key":"x"}`, headers: { 'content-type': 'application/scim+json' } }),
      fetch(`${bad.scim}/Users`, { method: 'POST', headers: { authorization: `Bearer ${bad.token}`, 'content-type': 'application/scim+json' }, body: unsized, duplex: 'half' } as RequestInit).then((response) => ({ status: response.status })),
      http<Json>('POST', `${good.scim}/Users`, { token: good.token, body: { schemas: [USER_SCHEMA], userName: goodNames[2] } }),
    ]);
    assert.deepEqual(responses.map((response) => response.status < 500), [true, true, true, true, true, true], JSON.stringify(responses.map((response) => response.status)));

    const rowsOf = async (directoryId: string) => (await pool.query<LogRow>('SELECT * FROM scim_request_log WHERE directory_id = $1 ORDER BY id', [directoryId])).rows;
    const logged = await waitFor(async () => {
      const [goodRows, badRows] = [await rowsOf(good.directoryId), await rowsOf(bad.directoryId)];
      return goodRows.length >= 3 && badRows.length >= 3 ? { goodRows, badRows } : undefined;
    }, 3_000);
    assert.ok(logged, `logged: ${(await rowsOf(good.directoryId)).length} of 3 for the other tenant, ${(await rowsOf(bad.directoryId)).length} of 3 for the one that sent bad text`);
    assert.deepEqual(logged.goodRows.map((row) => (row.request_body as Json).userName).sort(), [...goodNames].sort());
    const badBodies = JSON.stringify(logged.badRows.map((row) => [row.request_body, row.response_body]));
    assert.ok(badBodies.includes('nul\\ufffd@example.com') || badBodies.includes('nul\ufffd@example.com'), badBodies.slice(0, 400));
    assert.ok(!/\\u0000|\\ud800|\\udfff/.test(badBodies), 'NUL and lone surrogates are replaced, not stored');
    const unsizedRow = logged.badRows.find((row) => (row.request_body as Json | null)?.truncated === true);
    assert.ok(unsizedRow, `the unsized body is logged as its size: ${badBodies.slice(0, 400)}`);

    const stamps = await pool.query<{ id: string; last_request_at: Date | null; last_used_at: Date | null }>(
      `SELECT d.id, d.last_request_at, s.last_used_at FROM directories d JOIN directory_secrets s ON s.directory_id = d.id WHERE d.id = ANY($1)`,
      [[good.directoryId, bad.directoryId]],
    );
    assert.equal(stamps.rows.length, 2);
    for (const row of stamps.rows) {
      assert.ok(row.last_request_at, `last_request_at of ${row.id}`);
      assert.ok(row.last_used_at, `the secret's last_used_at of ${row.id}`);
    }
  });

  test('an entry the store refuses even alone is dropped by itself: the rest of its batch and the stamps are written', async () => {
    const { services } = fixture.server().server;
    const pool = services.db.pool;
    const [first, second] = [await fixture.newDirectory(), await fixture.newDirectory()];
    const secretOf = async (directoryId: string) => (await pool.query<{ id: string }>('SELECT id FROM directory_secrets WHERE directory_id = $1', [directoryId])).rows[0]?.id;
    const recorder = new ActivityRecorder(services, createLogger('silent'));
    const entry = (directoryId: string, secretId: string | undefined, path: string) => ({
      directoryId, secretId, method: 'GET', path, status: 200, durationMs: 1, userAgent: null, requestBody: undefined, responseBody: { ok: true },
    });
    recorder.record(entry(first.directoryId, await secretOf(first.directoryId), '/first'));
    // A directory id past the primary key's index limit: PostgreSQL refuses the row, whatever its text.
    recorder.record(entry(randomBytes(3_000).toString('base64url'), undefined, '/refused'));
    recorder.record(entry(second.directoryId, await secretOf(second.directoryId), '/second'));
    await recorder.stop();
    assert.equal(recorder.rejected, 1);
    const stored = await pool.query<{ directory_id: string; path: string }>('SELECT directory_id, path FROM scim_request_log WHERE directory_id = ANY($1) ORDER BY path', [[first.directoryId, second.directoryId]]);
    assert.deepEqual(stored.rows.map((row) => row.path), ['/first', '/second']);
    const stamps = await pool.query<{ last_request_at: Date | null; last_used_at: Date | null }>(
      'SELECT d.last_request_at, s.last_used_at FROM directories d JOIN directory_secrets s ON s.directory_id = d.id WHERE d.id = ANY($1)',
      [[first.directoryId, second.directoryId]],
    );
    assert.equal(stamps.rows.filter((row) => row.last_request_at && row.last_used_at).length, 2);
  });
});
