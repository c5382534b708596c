import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SourceError } from './source.js';
import { createSourceFetch, type OutboundCall } from './source-fetch.js';

// A scripted server on loopback: each request takes the next answer.
let answers: ((request: IncomingMessage, response: ServerResponse) => void)[] = [];
let server: Server;
let base = '';

before(async () => {
  server = createServer((request, response) => {
    const answer = answers.shift();
    if (answer) answer(request, response);
    else response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function harness(options: { isThrottled?: (status: number, body: string) => boolean; maxAttempts?: number } = {}) {
  const calls: OutboundCall[] = [];
  const waits: number[] = [];
  const fetch = createSourceFetch({
    signal: new AbortController().signal,
    record: (call) => calls.push(call),
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { fetch, calls, waits };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => (_request: IncomingMessage, response: ServerResponse) =>
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

test('429 and 503 are waited out as Retry-After says, then the same request is sent again', async () => {
  answers = [json(429, { error: { code: 429 } }, { 'retry-after': '2' }), json(503, {}, { 'retry-after': '1' }), json(200, { users: [{ id: 'u1' }] })];
  const { fetch, calls, waits } = harness();
  const response = await fetch(`${base}/admin/directory/v1/users?customer=my_customer`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { users: [{ id: 'u1' }] });
  assert.deepEqual(waits, [2000, 1000]);
  assert.deepEqual(calls.map((call) => call.status), [429, 503, 200]);
  assert.deepEqual(calls[2]?.responseBody, { users_count: 1, users_ids: ['u1'] });
});

test("a source's own quota error is retried; other 403s are returned at once", async () => {
  const isThrottled = (status: number, body: string) => status === 403 && body.includes('rateLimitExceeded');
  answers = [json(403, { error: { errors: [{ reason: 'rateLimitExceeded' }] } }), json(200, {})];
  const first = harness({ isThrottled });
  assert.equal((await first.fetch(`${base}/x`)).status, 200);
  assert.equal(first.calls.length, 2);
  answers = [json(403, { error: { errors: [{ reason: 'forbidden' }] } })];
  const second = harness({ isThrottled });
  assert.equal((await second.fetch(`${base}/x`)).status, 403);
  assert.equal(second.calls.length, 1);
});

test('a source that keeps throttling gets its last answer back after the attempts run out', async () => {
  answers = Array.from({ length: 3 }, () => json(429, {}));
  const { fetch, calls, waits } = harness({ maxAttempts: 3 });
  assert.equal((await fetch(`${base}/x`)).status, 429);
  assert.equal(calls.length, 3);
  assert.equal(waits.length, 2);
});

test('an unreachable source is retried, logged with status 0, then reported unavailable', async () => {
  const { fetch, calls } = harness({ maxAttempts: 2 });
  await assert.rejects(fetch('http://127.0.0.1:1/unreachable'), (error: unknown) => error instanceof SourceError && error.kind === 'unavailable');
  assert.deepEqual(calls.map((call) => call.status), [0, 0]);
});

test('the logged request carries no credentials: form secrets and query keys are redacted', async () => {
  answers = [json(200, { access_token: 'ya29.secret', expires_in: 3600 })];
  const { fetch, calls } = harness();
  await fetch(`${base}/token?key=abc`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer x' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: '1//r', client_secret: 's' }),
  });
  const logged = JSON.stringify(calls);
  for (const secret of ['ya29.secret', '1//r', '"s"', 'abc', 'Bearer x']) assert.ok(!logged.includes(secret), `${secret} leaked: ${logged}`);
  assert.equal(calls[0]?.method, 'POST');
});
