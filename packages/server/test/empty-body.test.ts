import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';

// docs/providers.md "General": a request whose body is empty is a request without a body, whatever its
// Content-Type. Clients that set headers once per connection send `Content-Type: application/json`
// on a bodyless DELETE; a refused DELETE is a deprovisioning that did not happen. The oracle: the
// same request sent without Content-Type and without a body answers the same, for every method,
// content type and way of framing an empty body, on the SCIM endpoint, the management API and the
// dashboard API.

type Framing = 'content-length: 0' | 'chunked' | 'no length';
const FRAMINGS: Framing[] = ['content-length: 0', 'chunked', 'no length'];
const CONTENT_TYPES = ['application/json', 'application/scim+json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain'];

interface Answer {
  status: number;
  body: unknown;
}

/** One raw HTTP/1.1 request with an empty body framed as asked (fetch cannot send all three). */
function sendEmpty(method: string, url: string, headers: Record<string, string>, framing: Framing | undefined): Promise<Answer> {
  const target = new URL(url);
  const framed: Record<string, string> = { ...headers };
  if (framing === 'content-length: 0') framed['content-length'] = '0';
  if (framing === 'chunked') framed['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers: framed }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          // not JSON: compared as text
        }
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    sent.on('error', reject);
    // Without content-length or chunked framing, node writes neither for these methods: no body at all.
    if (framing === 'no length') sent.useChunkedEncodingByDefault = false;
    sent.end();
  });
}

/** The parts of an answer that do not depend on which request made it (ids, times, versions). */
function comparable(answer: Answer): unknown {
  const text = JSON.stringify(answer.body ?? null)
    .replace(/"(dir|org|diruser|dirgroup|evt|ep|plink)_[0-9a-z]+"/g, '"<id>"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/W\/\\"\d+\\"/g, '<etag>');
  return { status: answer.status, body: JSON.parse(text) as unknown };
}

interface Case {
  name: string;
  method: string;
  /** Builds a fresh target (a DELETE needs a new resource each time) and its headers. */
  target(): Promise<{ url: string; headers: Record<string, string> }>;
  /** The answer a request without a body must get (besides equalling the no-Content-Type one). */
  expectStatus?: number;
  /** Each answer is new (a fresh secret): only the status is compared. */
  statusOnly?: boolean;
}

describeEachStore('an empty body with a Content-Type is no body', ({ server, directory }) => {
  const scimHeaders = () => ({ authorization: `Bearer ${directory().token}` });
  const apiHeaders = () => ({ authorization: `Bearer ${directory().accessToken}` });
  let made = 0;
  const newUser = async () => {
    made += 1;
    const created = await http<{ id: string }>('POST', `${directory().scim}/Users`, {
      token: directory().token,
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `empty-body-${made}@example.com` },
    });
    assert.equal(created.status, 201, created.text);
    return created.body.id;
  };
  const newGroup = async () => {
    made += 1;
    const created = await http<{ id: string }>('POST', `${directory().scim}/Groups`, {
      token: directory().token,
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Empty body ${made}` },
    });
    assert.equal(created.status, 201, created.text);
    return created.body.id;
  };
  const newOrganization = async () => {
    made += 1;
    const created = await http<{ organization: { id: string } }>('POST', `${server().baseUrl}/api/v1/organizations`, {
      token: directory().accessToken,
      body: { display_name: `Empty body ${made}` },
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(created.status, 201, created.text);
    return created.body.organization.id;
  };
  const scim = (path: string) => ({ url: `${directory().scim}${path}`, headers: scimHeaders() });
  const api = (path: string) => ({ url: `${server().baseUrl}${path}`, headers: apiHeaders() });
  const org = () => `/api/v1/organizations/${directory().organizationId}`;

  const cases: Case[] = [
    // SCIM: what an IdP sends
    { name: 'SCIM DELETE a user', method: 'DELETE', target: async () => scim(`/Users/${await newUser()}`), expectStatus: 204 },
    { name: 'SCIM DELETE a group', method: 'DELETE', target: async () => scim(`/Groups/${await newGroup()}`), expectStatus: 204 },
    { name: 'SCIM DELETE an unknown user', method: 'DELETE', target: async () => scim('/Users/diruser_nope'), expectStatus: 404 },
    { name: 'SCIM GET users', method: 'GET', target: async () => scim('/Users?count=0'), expectStatus: 200 },
    { name: 'SCIM GET ServiceProviderConfig', method: 'GET', target: async () => scim('/ServiceProviderConfig'), expectStatus: 200 },
    { name: 'SCIM POST a user without one', method: 'POST', target: async () => scim('/Users'), expectStatus: 400 },
    { name: 'SCIM POST .search without one', method: 'POST', target: async () => scim('/Users/.search'), expectStatus: 400 },
    { name: 'SCIM PUT a user without one', method: 'PUT', target: async () => scim(`/Users/${await newUser()}`), expectStatus: 400 },
    { name: 'SCIM PATCH a group without one', method: 'PATCH', target: async () => scim(`/Groups/${await newGroup()}`), expectStatus: 400 },
    { name: 'SCIM POST Bulk without one', method: 'POST', target: async () => scim('/Bulk'), expectStatus: 400 },
    // Management API: what an app's backend sends
    { name: 'API DELETE an organization', method: 'DELETE', target: async () => api(`/api/v1/organizations/${await newOrganization()}`), expectStatus: 204 },
    { name: 'API PATCH :enable a directory', method: 'PATCH', target: async () => api(`${org()}/directories/${directory().directoryId}:enable`), expectStatus: 200 },
    { name: 'API POST a secret (a body of defaults)', method: 'POST', target: async () => api(`${org()}/directories/${directory().directoryId}/secrets`), expectStatus: 201, statusOnly: true },
    { name: 'API POST an organization without one', method: 'POST', target: async () => api('/api/v1/organizations'), expectStatus: 400 },
    { name: 'API PATCH settings without one', method: 'PATCH', target: async () => api(`${org()}/settings`), expectStatus: 400 },
    { name: 'API GET organizations', method: 'GET', target: async () => api('/api/v1/organizations?page_size=1'), expectStatus: 200 },
    { name: 'API POST /oauth/token without one', method: 'POST', target: async () => ({ url: `${server().baseUrl}/oauth/token`, headers: {} }), expectStatus: 400 },
    // Dashboard API: what the browser app sends
    { name: 'dashboard DELETE the session (sign out)', method: 'DELETE', target: async () => ({ url: `${server().baseUrl}/api/v1/dashboard/session`, headers: {} }), expectStatus: 204 },
    { name: 'dashboard POST a session without one', method: 'POST', target: async () => ({ url: `${server().baseUrl}/api/v1/dashboard/session`, headers: {} }), expectStatus: 400 },
  ];

  for (const each of cases) {
    test(each.name, async () => {
      const baselineTarget = await each.target();
      const baseline = await sendEmpty(each.method, baselineTarget.url, baselineTarget.headers, undefined);
      if (each.expectStatus !== undefined) assert.equal(baseline.status, each.expectStatus, `without Content-Type: ${JSON.stringify(baseline.body)}`);
      for (const contentType of CONTENT_TYPES) {
        for (const framing of FRAMINGS) {
          const { url, headers } = await each.target();
          const answer = await sendEmpty(each.method, url, { ...headers, 'content-type': contentType }, framing);
          const what = `${each.method} with Content-Type ${contentType}, ${framing}`;
          if (each.statusOnly) assert.equal(answer.status, baseline.status, `${what}: ${JSON.stringify(answer.body)}`);
          else assert.deepEqual(comparable(answer), comparable(baseline), what);
        }
      }
    });
  }

  test('a body that is not empty is still parsed by its Content-Type', async () => {
    const refused = await http('POST', `${server().baseUrl}/api/v1/organizations`, {
      token: directory().accessToken,
      rawBody: '<organization/>',
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(refused.status, 415, refused.text);
    const malformed = await http('DELETE', `${directory().scim}/Users/${await newUser()}`, {
      token: directory().token,
      rawBody: '{',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.status, 400, malformed.text);
  });
});
