import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safetyVerdict, type SafetyInput } from './safety.js';

const base: SafetyInput = { usersInDirectory: 100, groupsInDirectory: 10, usersDeactivated: 0, usersDeleted: 0, groupsDeleted: 0, thresholdPercent: 20 };

test('held exactly when more than the threshold would go', () => {
  const cases: [string, Partial<SafetyInput>, boolean][] = [
    ['nothing removed', {}, false],
    ['first sync into an empty directory', { usersInDirectory: 0, groupsInDirectory: 0 }, false],
    ['exactly the threshold', { usersDeleted: 20 }, false],
    ['one past the threshold', { usersDeleted: 21 }, true],
    ['deactivations and deletions add up', { usersDeactivated: 11, usersDeleted: 10 }, true],
    ['a mass suspension', { usersDeactivated: 90 }, true],
    ['groups past their own threshold', { groupsDeleted: 3 }, true],
    ['groups at it', { groupsDeleted: 2 }, false],
    ['everything gone (the source listed nothing)', { usersDeleted: 100, groupsDeleted: 10 }, true],
    ['threshold 0 holds any removal', { thresholdPercent: 0, usersDeleted: 1 }, true],
    ['threshold 0 with nothing to remove', { thresholdPercent: 0 }, false],
    ['threshold 100 never holds', { thresholdPercent: 100, usersDeleted: 100, groupsDeleted: 10 }, false],
    ['one of one user', { usersInDirectory: 1, usersDeleted: 1 }, true],
  ];
  for (const [name, overrides, hold] of cases) assert.equal(safetyVerdict({ ...base, ...overrides }).hold, hold, name);
});

test('an approval lets through up to what was approved, not more', () => {
  const approved = { usersDeactivated: 10, usersDeleted: 40, groupsDeleted: 5 };
  assert.equal(safetyVerdict({ ...base, usersDeleted: 50, groupsDeleted: 5, approved }).hold, false);
  assert.equal(safetyVerdict({ ...base, usersDeleted: 45, approved }).hold, false);
  assert.equal(safetyVerdict({ ...base, usersDeleted: 51, approved }).hold, true, 'more users than approved');
  assert.equal(safetyVerdict({ ...base, usersDeleted: 30, groupsDeleted: 6, approved }).hold, true, 'more groups than approved');
});

test('the verdict says how much and against which threshold', () => {
  const verdict = safetyVerdict({ ...base, usersDeactivated: 5, usersDeleted: 30, groupsDeleted: 3 });
  assert.equal(verdict.userSharePercent, 35);
  assert.equal(verdict.groupSharePercent, 30);
  assert.match(verdict.reason, /deactivate or delete 35 of 100 users \(35%\) and delete 3 of 10 groups \(30%\)/);
  assert.match(verdict.reason, /safety threshold of 20%/);
  assert.equal(safetyVerdict({ ...base, usersInDirectory: 3, usersDeleted: 1 }).userSharePercent, 33.3);
});
