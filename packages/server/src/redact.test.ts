import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, redactCredentials, redactSecrets } from './redact.js';

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

const textCases: [string, string, string][] = [
  ['a portal link', '"url":"/portal?token=rpl_AbC123-_xyzABCDEFGHIJKLMN","x":1', '"url":"/portal?token=[REDACTED]","x":1'],
  ['a credential parameter among others', '/cb?state=abc&code=s3cr3t&x=1', '/cb?state=abc&code=[REDACTED]&x=1'],
  ['any case, names that contain the word', '/a?API_KEY=k1&Access_Token=t2&client_secret=c3', '/a?API_KEY=[REDACTED]&Access_Token=[REDACTED]&client_secret=[REDACTED]'],
  ['a fragment ends the value', '/a?token=t#frag', '/a?token=[REDACTED]#frag'],
  ['harmless parameters stay', '/Users?filter=userName%20eq%20%22a%22&count=5', '/Users?filter=userName%20eq%20%22a%22&count=5'],
  ['a prefixed secret anywhere', 'secret rsk_0123456789abcdefghijkl leaked', 'secret [REDACTED] leaked'],
  ['a webhook secret in base64', 'whsec_ab+/cd==EFGHIJKLMNOPQRSTUV', '[REDACTED]'],
  ['a short word with a prefix stays', 'rat_race and secret_sauce', 'rat_race and secret_sauce'],
  ['a bearer value', 'Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: Bearer [REDACTED]'],
  ['words that are not credentials stay', 'the token expired; see /docs#code', 'the token expired; see /docs#code'],
];

for (const [name, input, expected] of textCases) {
  test(`redactCredentials: ${name}`, () => assert.equal(redactCredentials(input), expected));
}
