import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MOST_NAMES, prepared } from './prepared.js';

// Every connection keeps each statement it prepared: past MOST_NAMES texts (filters built from
// client input), statements run unnamed, and the names already given stay as they were.
test('prepared: one name per text, the same every time, and none past the limit', () => {
  const texts = Array.from({ length: MOST_NAMES + 2 }, (_, index) => `SELECT ${index} WHERE $1::int IS NOT NULL`);
  const names = texts.map((text) => prepared(text, [1]).name);
  const named = names.slice(0, MOST_NAMES);
  assert.ok(named.every((name) => typeof name === 'string' && name.length > 0), 'the first texts are named');
  assert.equal(new Set(named).size, MOST_NAMES, 'each text its own name');
  assert.deepEqual(names.slice(MOST_NAMES), [undefined, undefined], 'past the limit, unnamed');
  assert.equal(prepared(texts[0] ?? '', [2]).name, named[0], 'a named text keeps its name');
  assert.equal(prepared(texts[MOST_NAMES] ?? '', [2]).name, undefined, 'an unnamed text stays unnamed');
  assert.deepEqual(prepared(texts[1] ?? '', [7]).values, [7], 'values pass through');
});
