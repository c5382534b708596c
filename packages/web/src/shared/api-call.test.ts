import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError, createApiClient } from './api.js';
import { dashboardRoutes, directoryReadRoutes, portalRoutes } from './web-routes.js';

// api.call against a stand-in fetch: what it sends for a declared route, and that an answer
// without the members the route declares fails there, naming the route, instead of reaching a
// screen as undefined.

interface Sent {
  method: string;
  url: string;
  body: string | undefined;
  csrf: string | null;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answering(status: number, body: string): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({ method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? init.body : undefined, csrf: headers.get('x-roster-csrf') });
    return new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json' } });
  };
  return sent;
}

test('a GET sends no body, and its path and query are made from the arguments', async () => {
  const sent = answering(200, JSON.stringify({ events: [], next_page_token: '' }));
  const page = await createApiClient().call(dashboardRoutes.events, { limit: 50, type: '', pageToken: 'tok_9' });
  assert.deepEqual(page, { events: [], next_page_token: '' });
  assert.deepEqual(sent, [{ method: 'GET', url: '/api/v1/dashboard/events?limit=50&page_token=tok_9', body: undefined, csrf: null }]);
});

test('path segments are encoded', async () => {
  const sent = answering(200, JSON.stringify({ user: { id: 'u/1' } }));
  await createApiClient().call(portalRoutes.user, 'dir 1', 'u/1?x');
  assert.equal(sent[0]?.url, '/api/v1/portal/directories/dir%201/users/u%2F1%3Fx');
});

test('a write carries the CSRF token and a JSON body, an empty object when the route takes none', async () => {
  const sent = answering(200, JSON.stringify({ result: { provider: 'okta' } }));
  const api = createApiClient();
  api.setCsrfToken('csrf-1');
  await api.call(directoryReadRoutes.pushSample, '/api/v1/portal/directories/dir_1');
  await api.call(portalRoutes.regenerateSecret, 'dir_1', 3600).catch(() => undefined);
  assert.deepEqual(sent[0], { method: 'POST', url: '/api/v1/portal/directories/dir_1:simulate', body: '{}', csrf: 'csrf-1' });
  assert.equal(sent[1]?.body, '{"grace_period_seconds":3600}');
});

test('a route that answers 204 resolves with nothing', async () => {
  answering(204, '');
  assert.equal(await createApiClient().call(dashboardRoutes.signOut), undefined);
});

const wrongAnswers: [string, string, string][] = [
  ['a member missing', JSON.stringify({ admin: { id: 'a', email: 'a@example.com' }, expire_time: 'x' }), 'csrf_token'],
  ['every member missing', JSON.stringify({}), 'admin, csrf_token, expire_time'],
  ['not an object', JSON.stringify(['admin', 'csrf_token', 'expire_time']), 'admin, csrf_token, expire_time'],
  ['no body at all', '', 'admin, csrf_token, expire_time'],
];

for (const [name, body, missing] of wrongAnswers) {
  test(`an answer with ${name} fails with the route and what it lacks`, async () => {
    answering(200, body);
    await assert.rejects(createApiClient().call(dashboardRoutes.session), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'unexpected_response');
      assert.equal(error.message, `GET /api/v1/dashboard/session answered without ${missing}`);
      return true;
    });
  });
}

test('a failure is still the server’s error, not a shape error', async () => {
  answering(409, JSON.stringify({ code: 'failed_precondition', message: 'You cannot remove your own account while signed in with it' }));
  await assert.rejects(createApiClient().call(dashboardRoutes.removeAdmin, 'adm_1'), (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'failed_precondition');
});
