import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids.js';

test('newId: a prefix, then 22 base-32 characters', () => {
  assert.match(newId('diruser'), /^diruser_[0-9a-hjkmnp-tv-z]{22}$/);
});

test('newId: ids made one after another sort in creation order, even thousands in one millisecond', () => {
  const ids = Array.from({ length: 5_000 }, () => newId('x'));
  const sorted = [...ids].sort();
  assert.deepEqual(sorted, ids);
  assert.equal(new Set(ids).size, ids.length);
});
