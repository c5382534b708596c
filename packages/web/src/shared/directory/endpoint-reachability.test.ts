import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reachabilityProblems } from './endpoint-reachability.js';

const cases: [string, string[]][] = [
  ['https://roster.example.com/api/v1/directories/dir_1/scim/v2', []],
  ['https://public.example/api/v1/directories/dir_1/scim/v2', []],
  ['https://8.8.8.8/scim/v2', []],
  ['https://[2001:db8::1]/scim/v2', []],
  ['http://roster.example.com/scim/v2', ['not-https']],
  ['http://127.0.0.1:8080/api/v1/directories/dir_1/scim/v2', ['private-host', 'not-https']],
  ['https://127.0.0.1/scim/v2', ['private-host']],
  ['http://localhost:8080/scim/v2', ['private-host', 'not-https']],
  ['https://roster.localhost/scim/v2', ['private-host']],
  ['https://10.1.2.3/scim/v2', ['private-host']],
  ['https://172.16.0.1/scim/v2', ['private-host']],
  ['https://172.32.0.1/scim/v2', []],
  ['https://192.168.1.20/scim/v2', ['private-host']],
  ['https://169.254.169.254/scim/v2', ['private-host']],
  ['https://100.64.0.1/scim/v2', ['private-host']],
  ['https://0.0.0.0/scim/v2', ['private-host']],
  ['https://[::1]:8443/scim/v2', ['private-host']],
  ['https://[fd12:3456::1]/scim/v2', ['private-host']],
  ['https://[fe80::1]/scim/v2', ['private-host']],
  ['https://roster/scim/v2', ['private-host']],
  ['https://roster.internal/scim/v2', ['private-host']],
  ['https://nas.local/scim/v2', ['private-host']],
  ['https://router.home.arpa/scim/v2', ['private-host']],
  ['not a url', ['invalid']],
];

for (const [endpoint, expected] of cases) {
  test(`reachabilityProblems(${endpoint})`, () => assert.deepEqual(reachabilityProblems(endpoint), expected));
}
