import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonEqual } from './json-equal.js';

const cases: [string, unknown, unknown, boolean][] = [
  ['same scalars', 1, 1, true],
  ['different scalars', 1, '1', false],
  ['key order ignored', { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
  ['array order matters', [1, 2], [2, 1], false],
  ['missing key', { a: 1 }, { a: 1, b: undefined }, false],
  ['null vs object', null, {}, false],
  ['array vs object', [], {}, false],
  ['null-prototype object equals plain', Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 }, true],
];

for (const [name, left, right, expected] of cases) {
  test(`jsonEqual: ${name}`, () => assert.equal(jsonEqual(left, right), expected));
}

test('jsonEqual: values nested 100,000 levels deep', () => {
  let left: unknown = 1;
  let right: unknown = 1;
  for (let level = 0; level < 100_000; level++) {
    left = { a: [left] };
    right = { a: [right] };
  }
  assert.equal(jsonEqual(left, right), true);
  assert.equal(jsonEqual(left, { a: [right] }), false);
});
