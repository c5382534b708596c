import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilter } from '../scim/filter/parse-filter.js';
import { USER_RESOURCE } from '../scim/schema/resource-types.js';
import { isEmailLookup } from './lookup-first.js';

const cases: [string, boolean][] = [
  ['emails.value eq "a@example.com"', true],
  ['emails eq "a@example.com"', true],
  ['emails[type eq "work"].value eq "a@example.com"', true],
  ['emails[type eq "work" and value eq "a@example.com"]', true],
  ['active eq true and emails.value eq "a@example.com"', true],
  ['emails.value co "example.com"', false],
  ['emails.value eq "a@example.com" or userName eq "b"', false],
  ['userName eq "a"', false],
  ['not (emails.value eq "a@example.com")', false],
];

for (const [filter, expected] of cases) {
  test(`isEmailLookup: ${filter}`, () => {
    const parsed = parseFilter(USER_RESOURCE, filter);
    assert.ok(parsed.ok);
    assert.equal(isEmailLookup(parsed.value), expected);
  });
}
