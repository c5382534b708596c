import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { parseRunscopeTest } from './runscope-format.js';
import { runRunscopeTest } from './runscope-runner.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/scim+json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== 'Bearer secret') return send(401, { status: '401', detail: 'bad token' });
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/scim/Users') {
        return send(200, { totalResults: 1, Resources: [{ id: 'user-1', userName: url.searchParams.get('filter') ?? 'all' }] });
      }
      if (req.method === 'GET' && url.pathname === '/scim/Users/user-1') return send(200, { id: 'user-1', active: true });
      if (req.method === 'POST' && url.pathname === '/scim/Users') return send(201, { id: 'user-2', ...(JSON.parse(body) as object) });
      return send(404, { status: '404', detail: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const headers = { Authorization: ['{{auth}}'], 'Accept-Charset': ['utf-8'], 'User-Agent': ['OKTA SCIM Integration'] };

const exportJson = {
  name: 'local',
  steps: [
    {
      step_type: 'request',
      note: 'list users',
      method: 'GET',
      url: '{{SCIMBaseURL}}/Users?filter=userName eq "{{email}}"',
      headers,
      assertions: [
        { source: 'response_status', comparison: 'equal_number', value: '200' },
        { source: 'response_json', comparison: 'not_empty', property: 'Resources[0].id', value: null },
        { source: 'response_json', comparison: 'equal', property: 'Resources[0].userName', value: 'userName eq "{{email}}"' },
      ],
      variables: [
        { source: 'response_json', name: 'userId', property: 'Resources[0].id' },
        { source: 'response_json', name: 'nope', property: 'Resources[5].id' },
      ],
      scripts: [''],
    },
    { step_type: 'pause', duration: 5 },
    {
      step_type: 'request',
      note: 'get {{userId}}',
      method: 'GET',
      url: '{{SCIMBaseURL}}/Users/{{userId}}',
      headers,
      assertions: [
        { source: 'response_json', comparison: 'equal', property: 'id', value: '{{userId}}' },
        { source: 'response_json', comparison: 'equal', property: 'active', value: 'true' },
      ],
      scripts: ['var user = JSON.parse(response.body);\nvariables.set("fromScript", user.id + "!");\nassert.strictEqual(response.status, 200, "status is 200");'],
    },
    {
      step_type: 'request',
      note: 'create',
      method: 'POST',
      url: '{{SCIMBaseURL}}/Users',
      headers: { ...headers, 'Content-Type': ['application/json'] },
      body: '{"userName":"{{fromScript}}","undefinedVar":"{{missing}}"}',
      assertions: [
        { source: 'response_status', comparison: 'equal_number', value: '201' },
        { source: 'response_json', comparison: 'equal', property: 'userName', value: 'user-1!' },
        { source: 'response_json', comparison: 'equal', property: 'userName', value: 'someone else' },
      ],
    },
    { step_type: 'request', skipped: true, method: 'DELETE', url: '{{SCIMBaseURL}}/Users/x', assertions: [] },
    {
      step_type: 'request',
      note: 'bad token',
      method: 'GET',
      url: '{{SCIMBaseURL}}/Users',
      headers: { Authorization: ['non-token'] },
      assertions: [
        { source: 'response_status', comparison: 'equal_number', value: '401' },
        { source: 'response_json', comparison: 'equal', property: 'status', value: '401' },
      ],
    },
    {
      step_type: 'request',
      note: 'nobody listens',
      method: 'GET',
      url: 'http://127.0.0.1:1/Users',
      assertions: [{ source: 'response_status', comparison: 'equal_number', value: '200' }],
    },
  ],
};

test('runRunscopeTest: runs steps in order with variables, extraction, scripts, pauses and failures', async () => {
  seen.length = 0;
  const result = await runRunscopeTest(parseRunscopeTest(exportJson), {
    variables: { SCIMBaseURL: base, auth: 'Bearer secret', email: 'a.b@example.com' },
  });

  const [list, pause, get, create, skipped, badToken, unreachable] = result.steps;
  assert.deepEqual(list?.checks.map((c) => c.passed), [true, true, true]);
  assert.deepEqual(list?.notes, ['could not extract {{nope}} from response_json Resources[5].id']);
  assert.equal(pause?.skipped, 'pause step');
  assert.equal(get?.title, 'get user-1', 'the note is resolved too');
  assert.deepEqual(get?.checks.map((c) => [c.description, c.passed]), [
    ['JSON id equal "user-1"', true],
    ['JSON active equal "true"', true],
    ['script 1: status is 200', true],
  ]);
  assert.deepEqual(create?.checks.map((c) => c.passed), [true, true, false]);
  assert.match(create?.checks[2]?.message ?? '', /got "user-1!"/);
  assert.deepEqual(create?.notes, ['variable {{missing}} is not defined']);
  assert.equal(skipped?.skipped, 'marked skipped in the export');
  assert.deepEqual(badToken?.checks.map((c) => c.passed), [true, true]);
  assert.ok(unreachable?.error, 'a connection failure is recorded');
  assert.deepEqual(unreachable?.checks.map((c) => c.passed), [false]);
  assert.match(unreachable?.checks[0]?.message ?? '', /^request failed/);

  assert.equal(result.passed, 10);
  assert.equal(result.failed, 2);
  assert.equal(result.variables['userId'], 'user-1');
  assert.equal(result.variables['fromScript'], 'user-1!');

  // What went over the wire: the IdP's own headers, the query percent-encoded, the body resolved.
  const [first, , third] = seen;
  assert.equal(first?.url, '/scim/Users?filter=userName%20eq%20%22a.b@example.com%22');
  assert.equal(first?.headers['accept-charset'], 'utf-8');
  assert.equal(first?.headers['user-agent'], 'OKTA SCIM Integration');
  assert.equal(third?.body, '{"userName":"user-1!","undefinedVar":"{{missing}}"}');
  assert.equal(seen.length, 4, 'the skipped step and the pause sent nothing');
});

test('parseRunscopeTest: rejects a file that is not a Runscope export', () => {
  assert.throws(() => parseRunscopeTest({ item: [] }), /not a Runscope test export/);
});
