import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_INDEXED_CHARS, checkGroupLengths, checkUserLengths } from './indexed-limits.js';

const at = 'x'.repeat(MAX_INDEXED_CHARS);
const past = 'x'.repeat(MAX_INDEXED_CHARS + 1);
const wideAt = '😀'.repeat(MAX_INDEXED_CHARS); // 2 UTF-16 units and 4 bytes each: counted as one character
const widePast = '😀'.repeat(MAX_INDEXED_CHARS + 1);

const userCases: [string, Record<string, unknown>, string | undefined][] = [
  ['short values', { userName: 'a', externalId: 'b', displayName: 'c', emails: [{ value: 'd' }] }, undefined],
  ['userName at the limit', { userName: at }, undefined],
  ['4-byte characters at the limit', { userName: wideAt, displayName: wideAt }, undefined],
  ['userName one past', { userName: past }, 'userName'],
  ['4-byte characters one past', { userName: 'a', externalId: widePast }, 'externalId'],
  ['displayName one past', { userName: 'a', displayName: past }, 'displayName'],
  ['the second email one past', { userName: 'a', emails: [{ value: 'ok' }, { value: past }] }, 'emails[1].value'],
  ['non-string values are not this check\'s business', { userName: 'a', externalId: 42, emails: ['loose', null] }, undefined],
];

for (const [name, resource, attribute] of userCases) {
  test(`checkUserLengths: ${name}`, () => {
    const result = checkUserLengths(resource);
    if (attribute === undefined) return assert.ok(result.ok);
    assert.ok(!result.ok);
    assert.equal(result.error.scimType, 'invalidValue');
    assert.ok(result.error.detail.startsWith(`Attribute "${attribute}" is ${MAX_INDEXED_CHARS + 1} characters long`), result.error.detail);
  });
}

test('checkGroupLengths: displayName and externalId', () => {
  assert.ok(checkGroupLengths({ displayName: wideAt, externalId: at }).ok);
  const result = checkGroupLengths({ displayName: 'g', externalId: widePast });
  assert.ok(!result.ok && result.error.detail.includes('"externalId"'));
});
