import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

const cases: [string, string, number, boolean][] = [
  ['a scalar', '"x"', 0, false],
  ['an empty object is one level', '{}', 1, false],
  ['an empty object past a limit of 0', '{}', 0, true],
  ['arrays and objects both count', '{"a":[{"b":[1]}]}', 4, false],
  ['one past', '{"a":[{"b":[1]}]}', 3, true],
  ['siblings do not add up', '[[1],[2],[3],{"a":{}}]', 3, false],
  ['brackets inside strings do not count', '{"a":"[[[[{{{{"}', 1, false],
  ['an escaped quote does not end the string', '{"a":"\\"[[[["}', 1, false],
  ['an escaped backslash before the closing quote', '{"a":"\\\\","b":[[1]]}', 2, true],
  ['malformed text is the parser\'s business', '}}}]]][[', 2, false],
];

for (const [name, text, limit, expected] of cases) {
  test(`nestsDeeperThan: ${name}`, () => assert.equal(nestsDeeperThan(text, limit), expected));
}

test('nestsDeeperThan: at the default limit and one past it', () => {
  assert.equal(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), false);
  assert.equal(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)), true);
});
