import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRosterUrl } from './roster-url.js';

const cases: [Record<string, string>, string][] = [
  [{}, 'http://localhost:8080'],
  [{ PORT: '9090' }, 'http://localhost:9090'],
  [{ PORT: ' 9090 ' }, 'http://localhost:9090'],
  [{ PORT: '' }, 'http://localhost:8080'],
  [{ ROSTER_URL: 'https://roster.example.com/', PORT: '9090' }, 'https://roster.example.com'],
  [{ ROSTER_URL: '  ', PORT: '9090' }, 'http://localhost:9090'],
];
for (const [env, expected] of cases) {
  test(`defaultRosterUrl(${JSON.stringify(env)}) is ${expected}`, () => assert.equal(defaultRosterUrl(env), expected));
}
