import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { http, provisionDirectory } from './support/api-client.js';
import { createTestDatabase, startRoster, type RosterProcess } from './support/roster-process.js';
import { storesUnderTest } from './support/test-server.js';

// Two Roster processes on one PostgreSQL share each directory's SCIM budget: hammered through
// both at once, together they admit what one would (the burst plus the rate over the time),
// not twice it.

// Low enough that a loaded machine's clients still drive well past it; the burst holds two
// seconds of refill, so a stall of both processes shorter than that loses no tokens.
const RATE = 5;
const BURST = 10;
const SECONDS = 8;

// Two processes building and migrating at once on a loaded machine can take a while.
const STARTUP_MILLIS = 240_000;
const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

test('two processes on one PostgreSQL admit the configured rate together', { skip: !storesUnderTest().includes('postgres') && 'PostgreSQL is not under test' }, async () => {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const credentials = { id: `ratelimit_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };
  const env = { DATABASE_URL: database.url, ROSTER_CLIENT_ID: credentials.id, ROSTER_CLIENT_SECRET: credentials.secret, ROSTER_SCIM_RATE_LIMIT: String(RATE), ROSTER_SCIM_RATE_BURST: String(BURST) };
  const processes: RosterProcess[] = await Promise.all([startRoster(env, STARTUP_MILLIS), startRoster(env, STARTUP_MILLIS)]);
  for (const roster of processes) cleanup.push(() => roster.stop());
  const directory = await provisionDirectory((processes[0] as RosterProcess).url, credentials.id, credentials.secret);
  const urlOn = (roster: RosterProcess) => `${directory.scim.replace(/^http:\/\/127\.0\.0\.1:\d+/, roster.url)}/Users?count=1`;

  // Four loops per process, as fast as each answers: far more than 5 requests a second.
  const admitted = processes.map(() => 0);
  let refused = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    processes.flatMap((roster, index) =>
      Array.from({ length: 4 }, async () => {
        while (performance.now() < end) {
          const response = await http('GET', urlOn(roster), { token: directory.token });
          if (response.status === 200) admitted[index] = (admitted[index] ?? 0) + 1;
          else {
            assert.equal(response.status, 429, response.text);
            refused++;
          }
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = admitted.reduce((sum, count) => sum + count, 0);
  // One shared bucket, created at the first request: at most its burst plus the rate since.
  const allowed = BURST + RATE * seconds;
  process.stdout.write(
    `# two processes, ${RATE}/s burst ${BURST}: admitted ${total} (${admitted.join(' + ')}) and refused ${refused} in ${seconds.toFixed(1)} s; ` +
      `${((total - BURST) / seconds).toFixed(1)}/s past the burst; one bucket allows ${allowed.toFixed(0)}\n`,
  );
  assert.ok(total <= allowed + 1, `${total} admitted; one bucket allows ${allowed.toFixed(0)}: the processes did not share it`);
  assert.ok(refused > total, 'the processes were driven past the limit');
  // Below it only by what sits leased and unspent (a slice, here one token, per process) and by
  // stalls of a loaded machine longer than the bucket holds (two seconds): 30% covers both.
  assert.ok(total >= 0.7 * allowed, `${total} admitted; one bucket allows ${allowed.toFixed(0)}: the shared budget admits too little`);
  assert.ok(admitted.every((count) => count > 0), 'both processes admitted requests');
});
