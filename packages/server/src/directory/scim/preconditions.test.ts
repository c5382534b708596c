import { test } from 'node:test';
import assert from 'node:assert/strict';
import { versionOfIfMatch } from './preconditions.js';

const cases: [string | undefined, number | null | undefined][] = [
  [undefined, null],
  ['*', null],
  [' * ', null],
  ['W/"7"', 7],
  ['"7"', 7],
  [' W/"12" ', 12],
  ['W/"7", W/"8"', undefined],
  ['W/"x"', undefined],
  ['7', undefined],
  ['W/"1234567890"', undefined],
];

for (const [ifMatch, expected] of cases) {
  test(`the version If-Match ${JSON.stringify(ifMatch)} allows: ${String(expected)}`, () => {
    assert.equal(versionOfIfMatch(ifMatch), expected);
  });
}
