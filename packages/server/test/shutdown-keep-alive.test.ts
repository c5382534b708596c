import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockPathOf } from '../src/store/data-dir-lock.js';
import { openDatabase } from '../src/store/database.js';
import { provisionDirectory } from './support/api-client.js';
import { RawConnection } from './support/raw-connection.js';
import { connectOutcome, startRoster, withTimeout } from './support/roster-process.js';
import { USER_SCHEMA, sleep, waitFor } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';

// SIGTERM to a real `roster start` while a client holds a keep-alive connection (as load
// balancers and IdPs' HTTP pools do) and another request is still arriving: the request in
// flight finishes, every connection is closed, and the process exits 0 at once, after the
// worker's stop, the request log's last flush and the store's close; not at the end of the
// grace period with exit 1 and none of those.

const temporary: string[] = [];
after(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function dataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'roster-keepalive-'));
  temporary.push(parent);
  return join(parent, 'data');
}

describe('shutdown with keep-alive connections [embedded]', { skip: !storesUnderTest().includes('embedded') && 'embedded store not under test' }, () => {
  test('SIGTERM with a keep-alive connection held open and a request in flight: the request finishes, the connections close, the request log is flushed, the store closed, exit 0 long before the grace period', async () => {
    const directory = dataDir();
    const client = { id: `keepalive_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
    const roster = await startRoster({ ROSTER_DATA_DIR: directory, ROSTER_CLIENT_ID: client.id, ROSTER_CLIENT_SECRET: client.secret, ROSTER_SHUTDOWN_GRACE_SECONDS: '60', LOG_LEVEL: 'debug' });
    const port = Number(new URL(roster.url).port);
    const { directoryId, token } = await provisionDirectory(roster.url, client.id, client.secret);

    // A keep-alive connection that has had its answer and sits idle, as a load balancer's or an IdP's pool holds it.
    const idle = await RawConnection.open(port);
    idle.write('GET /healthz HTTP/1.1\r\nHost: roster\r\nConnection: keep-alive\r\n\r\n');
    assert.equal((await idle.response()).status, 200);
    // A request in flight: its headers are in, half of its body still on the way.
    const body = JSON.stringify({ schemas: [USER_SCHEMA], userName: 'slow-upload@example.com' });
    const slow = await RawConnection.open(port);
    slow.write(
      `POST /api/v1/directories/${directoryId}/scim/v2/Users HTTP/1.1\r\nHost: roster\r\nConnection: keep-alive\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/scim+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    const received = await waitFor(async () => (roster.output().split('\n').some((line) => line.includes('"request received"') && line.includes('/scim/v2/Users')) ? true : undefined), 30_000, 50);
    assert.ok(received, `the server never saw the slow request begin:\n${roster.output()}`);

    const signalled = Date.now();
    assert.ok(roster.child.kill('SIGTERM'));
    const idleClosedAt = await withTimeout(idle.closed, 5_000, 'closing the idle keep-alive connection');
    assert.ok(idleClosedAt - signalled < 5_000);
    await sleep(1_000);
    assert.equal(roster.child.exitCode, null, 'the process waits for the request in flight');
    slow.write(body.slice(20));
    const answer = await slow.response();
    assert.equal(answer.status, 201, answer.body);
    assert.equal(answer.headers.connection, 'close', 'the last response on a keep-alive connection says it closes');
    await withTimeout(slow.closed, 5_000, 'closing the connection of the finished request');

    const exit = await withTimeout(roster.exited, 20_000, 'exit after the last request');
    const took = Date.now() - signalled;
    assert.deepEqual(exit, { code: 0, signal: null }, roster.output());
    assert.ok(took < 15_000, `exited ${took} ms after SIGTERM; the grace period is 60 s`);
    assert.match(roster.output(), /"msg":"Roster stopped"/);
    assert.equal(existsSync(lockPathOf(directory)), false, 'the store was closed and its lock released');
    assert.equal(await connectOutcome(port), 'ECONNREFUSED');
    const db = await openDatabase({ dataDir: directory, poolSize: 1 });
    try {
      const log = await db.pool.query<{ method: string; status: number }>('SELECT method, status FROM scim_request_log WHERE directory_id = $1', [directoryId]);
      assert.deepEqual(log.rows, [{ method: 'POST', status: 201 }], 'the request log was flushed on the way out');
    } finally {
      await db.close();
    }
  });
});
