import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsListedWithMembers } from './listed-members.js';

const cases: [string, number[], number[]][] = [
  ['all fit', [10, 20, 0], [0, 1, 2]],
  ['a group over the per-group bound is left out whole', [10, 101, 20], [0, 2]],
  ['exactly at the per-group bound fits', [100, 5], [0, 1]],
  ['the page bound leaves out the one that would pass it, smaller ones after it still fit', [100, 100, 100, 60, 50], [0, 1, 4]],
  ['exactly at the page bound fits', [100, 100, 50], [0, 1, 2]],
  ['empty groups always fit', [100, 100, 50, 0], [0, 1, 2, 3]],
  ['no groups', [], []],
];

for (const [name, sizes, expected] of cases) {
  test(`groupsListedWithMembers: ${name}`, () => {
    const groups = sizes.map((size, index) => ({ id: `g${index}`, size }));
    assert.deepEqual([...groupsListedWithMembers(groups, 100, 250)], expected.map((index) => `g${index}`));
  });
}
