import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRecord, records, type Json } from '../json.js';
import { runSimulation } from '../run-simulation.js';
import { PROVIDER_NAMES, type ProviderName } from './index.js';

// Each profile's wire pattern (docs/providers.md), read off a transcript of what it sends to a fake
// SCIM endpoint during an initial sync and a churn. The real server is exercised by
// test/simulator-*.test.ts; this pins what each provider looks like on the wire.

interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: Json | undefined;
}

/** A SCIM endpoint that finds nothing on lookup and accepts every write. */
function fakeEndpoint(maxOperations = 3) {
  const sent: Sent[] = [];
  let next = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = init?.body ? (JSON.parse(String(init.body)) as Json) : undefined;
    const path = url.pathname.replace('/scim/v2', '');
    sent.push({ method: init?.method ?? 'GET', path, query: url.searchParams, headers: new Headers(init?.headers), body });
    const json = (status: number, payload: unknown) => new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/scim+json' } });
    if (path === '/ServiceProviderConfig') return json(200, { patch: { supported: true }, bulk: { supported: true, maxOperations }, filter: { supported: true } });
    if (init?.method === 'POST') return json(201, { ...body, id: `id${++next}` });
    if (init?.method === 'DELETE' || init?.method === 'PATCH') return new Response(null, { status: 204 });
    if (init?.method === 'PUT') return json(200, body);
    return json(200, { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  };
  return { sent, fetch };
}

async function transcript(provider: ProviderName): Promise<Sent[]> {
  const endpoint = fakeEndpoint();
  const summary = await runSimulation({ url: 'http://scim.test/scim/v2', token: 'secret', provider, scenarios: ['initial-sync', 'churn'], users: 12, groups: 5, changes: 12, seed: 'wire', fetch: endpoint.fetch });
  assert.ok(summary.ok, JSON.stringify(summary.failedObjects));
  return endpoint.sent;
}

const operations = (request: Sent) => records(request.body?.Operations);
const userPatches = (sent: Sent[]) => sent.filter((request) => request.method === 'PATCH' && request.path.startsWith('/Users/'));
const groupPatches = (sent: Sent[]) => sent.filter((request) => request.method === 'PATCH' && request.path.startsWith('/Groups/'));
const allOps = (requests: Sent[]) => requests.flatMap(operations);

/** Every POST /Users comes right after a lookup of its userName (in the same worker's order). */
function assertLookupBeforeCreate(sent: Sent[], extra: Record<string, string> = {}): void {
  for (const create of sent.filter((request) => request.method === 'POST' && request.path === '/Users')) {
    const lookup = sent.find((request) => request.method === 'GET' && request.query.get('filter') === `userName eq ${JSON.stringify(create.body?.userName)}`);
    assert.ok(lookup, `no lookup before creating ${String(create.body?.userName)}`);
    for (const [key, value] of Object.entries(extra)) assert.equal(lookup.query.get(key), value);
  }
}

const checks: Record<ProviderName, (sent: Sent[]) => void> = {
  okta(sent) {
    assert.ok(sent.every((request) => request.headers.get('user-agent') === 'Okta SCIM Client 1.0.0'));
    assert.ok(sent.filter((request) => request.body).every((request) => request.headers.get('content-type') === 'application/json'));
    assert.deepEqual([sent[0]?.path, sent[0]?.query.toString()], ['/Users', 'startIndex=1&count=2']);
    assertLookupBeforeCreate(sent, { startIndex: '1', count: '100' });
    const created = sent.find((request) => request.method === 'POST' && request.path === '/Users');
    assert.deepEqual(created?.body?.groups, []);
    assert.equal(typeof created?.body?.password, 'string');
    assert.ok(!sent.some((request) => request.method === 'DELETE' && request.path.startsWith('/Users/')), 'Okta never deletes users');
    assert.ok(userPatches(sent).some((request) => JSON.stringify(operations(request)) === '[{"op":"replace","value":{"active":false}}]'));
    for (const request of groupPatches(sent)) {
      const [first] = operations(request);
      assert.ok(first?.op === 'replace' && first.path === undefined && isRecord(first.value) && first.value.id === request.path.split('/')[2], 'each group PATCH re-sends {id, displayName}');
    }
    assert.ok(allOps(groupPatches(sent)).some((op) => op.op === 'remove' && /^members\[value eq ".+"\]$/.test(String(op.path))));
    assert.ok(sent.filter((request) => request.method === 'POST' && request.path === '/Groups').every((request) => Array.isArray(request.body?.members) && request.body.members.length === 0));
  },
  'okta-aiw'(sent) {
    assert.ok(sent.every((request) => request.headers.get('user-agent') === 'Okta SCIM Client 1.0.0'));
    assert.equal(userPatches(sent).length, 0, 'AIW apps change users by PUT only');
    const puts = sent.filter((request) => request.method === 'PUT' && request.path.startsWith('/Users/'));
    assert.ok(puts.length > 0 && puts.every((request) => request.body?.id === request.path.split('/')[2]));
    assert.ok(puts.some((request) => request.body?.active === false), 'deactivation is a PUT too');
    assert.equal(groupPatches(sent).length, 0, 'AIW groups get PUT with the full member list');
    assert.ok(sent.some((request) => request.method === 'PUT' && request.path.startsWith('/Groups/') && Array.isArray(request.body?.members)));
  },
  entra(sent) {
    assert.equal(sent[0]?.query.get('filter')?.replace(/"[0-9a-f-]{36}"/, '"<guid>"'), 'userName eq "<guid>"');
    assertLookupBeforeCreate(sent);
    const ops = allOps([...userPatches(sent), ...groupPatches(sent)]);
    assert.ok(ops.length > 0 && ops.every((op) => /^[A-Z]/.test(String(op.op))), 'capitalised ops');
    const active = ops.filter((op) => op.path === 'active');
    assert.ok(active.length > 0 && active.every((op) => op.value === 'True' || op.value === 'False'), 'booleans as strings');
    for (const request of groupPatches(sent).filter((patch) => operations(patch).some((op) => op.path === 'members'))) {
      const [op] = operations(request);
      assert.equal(Array.isArray(op?.value) ? op.value.length : 0, 1, 'one member per PATCH');
      if (op?.op === 'Add') assert.ok(records(op.value).every((member) => member.$ref === null));
    }
    assert.ok(sent.filter((request) => request.method === 'GET' && request.path === '/Groups').every((request) => request.query.get('excludedAttributes') === 'members'));
    const group = sent.find((request) => request.method === 'POST' && request.path === '/Groups');
    assert.ok((group?.body?.schemas as string[]).includes('http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'));
    const user = sent.find((request) => request.method === 'POST' && request.path === '/Users');
    assert.deepEqual([user?.body?.roles, isRecord(user?.body?.meta) && user.body.meta.resourceType], [[], 'User']);
  },
  'entra-aadOptscim062020'(sent) {
    const ops = allOps([...userPatches(sent), ...groupPatches(sent)]);
    assert.ok(ops.every((op) => /^[a-z]/.test(String(op.op))), 'lower-case ops');
    for (const request of userPatches(sent)) {
      const [op, ...rest] = operations(request);
      assert.ok(rest.length === 0 && op?.op === 'replace' && op.path === undefined && isRecord(op.value), 'one no-path replace');
      for (const [key, value] of Object.entries(op.value as Json)) if (key === 'active') assert.equal(typeof value, 'boolean');
    }
    assert.ok(userPatches(sent).some((request) => Object.keys(operations(request)[0]?.value as Json).some((key) => key.includes('.'))), 'dotted keys');
    assert.ok(ops.some((op) => op.op === 'remove' && /^members\[value eq ".+"\]$/.test(String(op.path)) && op.value === undefined));
  },
  onelogin(sent) {
    assertLookupBeforeCreate(sent);
    for (const request of userPatches(sent)) assert.deepEqual(operations(request).map((op) => op.path), ['active'], 'PATCH only to (de)activate');
    assert.ok(sent.some((request) => request.method === 'PUT' && request.path.startsWith('/Users/')));
    assert.ok(allOps(groupPatches(sent)).some((op) => op.op === 'replace' && op.path === undefined && isRecord(op.value) && Object.keys(op.value).join() === 'displayName'));
    assert.ok(sent.some((request) => request.method === 'DELETE' && request.path.startsWith('/Users/')));
  },
  jumpcloud(sent) {
    assertLookupBeforeCreate(sent);
    assert.equal(userPatches(sent).length, 0);
    assert.ok(allOps(groupPatches(sent)).some((op) => JSON.stringify(Object.keys(op)) === '["op","value"]' && isRecord(op.value) && Object.keys(op.value).join() === 'displayName'));
    assert.ok(sent.some((request) => request.method === 'POST' && request.path === '/Groups' && Array.isArray(request.body?.members) && request.body.members.length > 0));
  },
  authentik(sent) {
    assert.equal(sent[0]?.path, '/ServiceProviderConfig');
    assert.ok(!sent.some((request) => request.method === 'GET' && request.path === '/Users'), 'no lookup without a 409');
    assert.equal(userPatches(sent).length, 0, 'users by POST, PUT and DELETE only');
    assert.ok(sent.filter((request) => request.body).every((request) => request.headers.get('content-type') === 'application/json'));
    const memberPatches = groupPatches(sent).filter((request) => operations(request).some((op) => op.path === 'members'));
    assert.ok(memberPatches.length > 0);
    for (const request of memberPatches) {
      assert.ok(operations(request).length <= 3, 'chunked by bulk.maxOperations');
      assert.ok(operations(request).every((op) => Array.isArray(op.value) && op.value.length === 1), 'one member per operation');
    }
  },
  generic(sent) {
    assertLookupBeforeCreate(sent);
    const ops = allOps(userPatches(sent));
    assert.ok(ops.length > 0 && ops.every((op) => /^[a-z]/.test(String(op.op)) && typeof op.path === 'string'));
    assert.ok(sent.some((request) => request.method === 'DELETE' && request.path.startsWith('/Users/')));
  },
};

for (const provider of PROVIDER_NAMES) {
  test(`${provider} sends its own request pattern`, async () => {
    const sent = await transcript(provider);
    assert.ok(sent.every((request) => request.headers.get('authorization') === 'Bearer secret'));
    checks[provider](sent);
  });
}

test('the same seed sends the same requests', async () => {
  const shape = (sent: Sent[]) => sent.map((request) => `${request.method} ${request.path.replace(/id\d+/, 'id')} ${request.query.get('filter') ?? ''}`).sort();
  assert.deepEqual(shape(await transcript('okta')), shape(await transcript('okta')));
});
