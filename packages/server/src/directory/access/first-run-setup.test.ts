import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newSetupCode, normalizeSetupCode } from './first-run-setup.js';

test('a setup code is four groups of five Crockford base32 characters, and differs every time', () => {
  const codes = new Set(Array.from({ length: 200 }, () => newSetupCode()));
  assert.equal(codes.size, 200);
  for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
});

const typed: [string, string][] = [
  ['ABCDE-FGH1J-KMNPQ-RSTVW', 'ABCDE-FGH1J-KMNPQ-RSTVW'],
  ['abcde-fgh1j-kmnpq-rstvw', 'ABCDE-FGH1J-KMNPQ-RSTVW'],
  [' ABCDE FGH1J  KMNPQ RSTVW\n', 'ABCDE-FGH1J-KMNPQ-RSTVW'],
  ['ABCDEFGH1JKMNPQRSTVW', 'ABCDE-FGH1J-KMNPQ-RSTVW'],
  ['0O0O0-IiLl1-00000-11111', '00000-11111-00000-11111'],
  ['ABC', 'ABC'],
  ['', ''],
];
for (const [input, expected] of typed) {
  test(`normalizeSetupCode(${JSON.stringify(input)})`, () => assert.equal(normalizeSetupCode(input), expected));
}

test('every generated code reads back as itself', () => {
  for (let index = 0; index < 100; index++) {
    const code = newSetupCode();
    assert.equal(normalizeSetupCode(code.toLowerCase()), code);
  }
});
