import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainScimFailure } from './scim-failure.js';

const error = (status: number, scimType?: string, detail = 'detail text') => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});

describe('explaining failed SCIM requests', () => {
  const cases: { name: string; status: number; body: unknown; summary: RegExp | undefined }[] = [
    { name: 'a success is not a failure', status: 201, body: {}, summary: undefined },
    { name: 'a bad token', status: 401, body: error(401), summary: /bearer token/ },
    { name: 'a disabled directory', status: 403, body: error(403), summary: /turned off/ },
    { name: 'an unknown id', status: 404, body: error(404), summary: /does not hold/ },
    { name: 'a duplicate userName', status: 409, body: error(409, 'uniqueness'), summary: /already exists/ },
    { name: 'a bad filter', status: 400, body: error(400, 'invalidFilter'), summary: /filter/ },
    { name: 'a missing userName', status: 400, body: error(400, 'invalidValue'), summary: /wrong type or was missing/ },
    { name: 'a 400 without scimType', status: 400, body: error(400), summary: /invalid/ },
    { name: 'rate limited', status: 429, body: error(429), summary: /rate limit/ },
    { name: 'a server error without a body', status: 500, body: undefined, summary: /could not complete/ },
  ];
  for (const { name, status, body, summary } of cases) {
    it(name, () => {
      const explained = explainScimFailure(status, body);
      if (!summary) return assert.equal(explained, undefined);
      assert.ok(explained);
      assert.match(explained.summary, summary);
      assert.ok(explained.action.length > 0);
      if (body) assert.equal(explained.detail, 'detail text');
    });
  }
});
