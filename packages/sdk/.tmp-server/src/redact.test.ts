import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, redactSecrets } from './redact.js';

const cases: [string, unknown, unknown][] = [
  ['scalars pass', 'x', 'x'],
  ['password at top', { userName: 'a', password: 'p' }, { userName: 'a', password: REDACTED }],
  ['case-insensitive key', { PassWord: 'p' }, { PassWord: REDACTED }],
  ['nested in arrays', { Operations: [{ op: 'add', value: { password: 'p' } }] }, { Operations: [{ op: 'add', value: { password: REDACTED } }] }],
  ['secrets of the management API', { client_secret: 's', plain_secret: 't' }, { client_secret: REDACTED, plain_secret: REDACTED }],
  ['PATCH op on the password path', { op: 'replace', path: 'password', value: 'p' }, { op: 'replace', path: 'password', value: REDACTED }],
  ['null stays', { password: null, a: null }, { password: REDACTED, a: null }],
];

for (const [name, input, expected] of cases) {
  test(`redactSecrets: ${name}`, () => assert.deepEqual(redactSecrets(input), expected));
}
