import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueSetupCode } from '../src/directory/access/first-run-setup.js';
import { hashSecret } from '../src/secrets.js';
import { http, type HttpResult } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';

// First-run setup through the real server: the code Roster issued at start creates the first
// dashboard administrator (and signs them in) without a restart; a wrong code, bad credentials
// and a code used after an administrator exists are refused; guesses are rate-limited.

const json = { 'content-type': 'application/json' };
const PASSWORD = 'a-long-enough-password';

type Session = { admin: { id: string; email: string }; csrf_token: string };

function setup(base: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<HttpResult<Session & { code: string; message: string }>> {
  return http('POST', `${base}/api/v1/dashboard/setup`, { body, headers: { ...json, ...headers } });
}

const cookieOf = (response: HttpResult<unknown>): string => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describeEachStore('first-run setup', ({ server }) => {
  const base = () => server().baseUrl;
  const code = () => {
    const issued = server().server.setupCode;
    assert.ok(issued, 'a server started without administrators has a setup code');
    return issued;
  };

  test('before any administrator the dashboard says so, and the code is stored only as its hash', async () => {
    const session = await http<{ details: { admins_exist: boolean } }>('GET', `${base()}/api/v1/dashboard/session`);
    assert.equal(session.status, 401);
    assert.equal(session.body.details.admins_exist, false);
    assert.match(code(), /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const stored = await server().server.services.db.pool.query<{ code_hash: string }>('SELECT code_hash FROM setup_codes');
    assert.ok(stored.rows.some((row) => row.code_hash === hashSecret(code())));
    assert.ok(stored.rows.every((row) => !row.code_hash.includes(code()) && !row.code_hash.includes(code().replaceAll('-', ''))));
  });

  test('a wrong code is refused and creates nothing', async () => {
    const wrong = await setup(base(), { setup_code: 'AAAAA-BBBBB-CCCCC-DDDDD', email: 'first@example.com', password: PASSWORD });
    assert.equal(wrong.status, 401, wrong.text);
    assert.equal(wrong.body.code, 'invalid_setup_code');
    assert.equal(wrong.headers.get('set-cookie'), null);
  });

  test('the right code with a password too short is a 400 that leaves the code usable', async () => {
    const short = await setup(base(), { setup_code: code(), email: 'first@example.com', password: 'short' });
    assert.equal(short.status, 400, short.text);
    assert.match(short.body.message, /password/);
  });

  test('another site cannot make a browser run setup', async () => {
    const forged = await setup(base(), { setup_code: code(), email: 'first@example.com', password: PASSWORD }, { origin: 'https://evil.example' });
    assert.equal(forged.status, 403, forged.text);
  });

  test('the right code, typed in lower case with spaces, creates the first administrator and signs them in', async () => {
    const typed = ` ${code().toLowerCase().replaceAll('-', ' ')} `;
    const created = await setup(base(), { setup_code: typed, email: 'First@Example.com', password: PASSWORD });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.admin.email, 'First@Example.com');
    const cookie = cookieOf(created);
    const admins = await http<{ admins: { email: string }[] }>('GET', `${base()}/api/v1/dashboard/admins`, { headers: { cookie } });
    assert.equal(admins.status, 200, admins.text);
    assert.deepEqual(admins.body.admins.map((admin) => admin.email), ['First@Example.com']);
    const signIn = await http('POST', `${base()}/api/v1/dashboard/session`, { body: { email: 'first@example.com', password: PASSWORD }, headers: json });
    assert.equal(signIn.status, 200, 'the new administrator signs in with the password chosen');
  });

  test('once an administrator exists the code no longer works, and no code is left', async () => {
    const again = await setup(base(), { setup_code: code(), email: 'second@example.com', password: PASSWORD });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.code, 'setup_complete');
    const left = await server().server.services.db.pool.query('SELECT 1 FROM setup_codes');
    assert.equal(left.rowCount, 0);
    assert.equal(await issueSetupCode(server().server.services.db), undefined, 'no new code is issued either');
    const session = await http<{ details: { admins_exist: boolean } }>('GET', `${base()}/api/v1/dashboard/session`);
    assert.equal(session.body.details.admins_exist, true);
  });
});

describeEachStore('first-run setup, raced and guessed', ({ server }) => {
  const base = () => server().baseUrl;

  test('two setups at once with two valid codes (two processes on one database) create exactly one administrator', async () => {
    const other = await issueSetupCode(server().server.services.db);
    assert.ok(other && server().server.setupCode);
    const results = await Promise.all(
      [server().server.setupCode, other].map((setupCode, index) => setup(base(), { setup_code: setupCode, email: `racer${index}@example.com`, password: PASSWORD })),
    );
    assert.deepEqual(results.map((result) => result.status).sort(), [201, 409], results.map((result) => result.text).join('\n'));
    const admins = await server().server.services.db.pool.query('SELECT email FROM admin_accounts');
    assert.equal(admins.rowCount, 1);
  });

  test('guesses are rate-limited per address and in total, forged X-Forwarded-For addresses included', async () => {
    const outcomes: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 30; index++) {
      const guess = await setup(base(), { setup_code: `GUESS-${String(index).padStart(5, '0')}`, email: 'guess@example.com', password: PASSWORD }, { 'x-forwarded-for': `203.0.113.${index + 1}` });
      outcomes.push(guess.status);
      if (guess.status === 429) retryAfter ??= guess.headers.get('retry-after');
    }
    const judged = outcomes.filter((status) => status !== 429).length;
    assert.ok(judged <= 20, `at most 20 guesses are judged, whatever the addresses: ${outcomes.join(' ')}`);
    assert.ok(outcomes.filter((status) => status === 429).length >= 10);
    assert.match(retryAfter ?? '', /^\d+$/);
  });
});

describeEachStore('first-run setup, guessed from one address', ({ server }) => {
  test('a sixth guess from one address waits, with Retry-After', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) {
      statuses.push((await setup(server().baseUrl, { setup_code: `WRONG-${index}`, email: 'guess@example.com', password: PASSWORD })).status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  });
});
