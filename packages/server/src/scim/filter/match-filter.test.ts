import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolvePath, USER_RESOURCE } from '../schema/resource-types.js';
import { elementFromFilter, matchesElement } from './match-filter.js';
import { parseValuePathFilter } from './parse-filter.js';

const emails = resolvePath(USER_RESOURCE, 'emails');
const photos = resolvePath(USER_RESOURCE, 'photos');

function parse(text: string, attribute = emails) {
  assert.ok(attribute);
  const parsed = parseValuePathFilter(USER_RESOURCE, attribute, text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.detail);
  return parsed.value;
}

const WORK = { value: 'Ann@Example.com', type: 'work', primary: true };
const HOME = { value: 'ann@home.example', type: 'home' };
const ENTRA = { value: 'ann@entra.example', type: 'Work', primary: 'True' };
const ESCAPED = { value: 'e@example.com', type: 'wo\\rk' };

// [filter inside emails[...], the elements it selects among WORK, HOME, ENTRA, ESCAPED]
const cases: Array<[string, string[]]> = [
  ['type eq "work"', ['WORK', 'ENTRA']],
  ['type eq work', ['WORK', 'ENTRA']],
  ['type ne "work"', ['HOME', 'ESCAPED']],
  ['type eq "wo\\\\rk"', ['ESCAPED']],
  ['primary eq true', ['WORK', 'ENTRA']],
  ['primary eq "True"', ['WORK', 'ENTRA']],
  ['primary eq false', []],
  ['primary pr', ['WORK', 'ENTRA']],
  ['not (primary pr)', ['HOME', 'ESCAPED']],
  ['value eq null', []],
  ['display eq null', ['WORK', 'HOME', 'ENTRA', 'ESCAPED']],
  ['value co "EXAMPLE.COM"', ['WORK', 'ESCAPED']],
  ['value sw "ann@"', ['WORK', 'HOME', 'ENTRA']],
  ['value ew ".example"', ['HOME', 'ENTRA']],
  ['value gt "b"', ['ESCAPED']],
  ['value le "ann@home.example"', ['WORK', 'HOME', 'ENTRA']],
  ['type eq "work" and primary eq true', ['WORK', 'ENTRA']],
  ['type eq "home" or value co "entra"', ['HOME', 'ENTRA']],
];

describe('matchesElement: the filter inside emails[...]', () => {
  const elements = { WORK, HOME, ENTRA, ESCAPED };
  for (const [text, expected] of cases) {
    test(text, () => {
      const filter = parse(text);
      const selected = Object.entries(elements).filter(([, element]) => matchesElement(element, filter)).map(([name]) => name);
      assert.deepEqual(selected, expected);
    });
  }

  test('values that are not objects match nothing', () => {
    const filter = parse('type pr');
    for (const element of ['work', 1, null, undefined, ['type']]) assert.equal(matchesElement(element, filter), false);
  });

  test('a caseExact sub-attribute compares with case', () => {
    const filter = parse('value eq "ABC"', photos);
    assert.equal(matchesElement({ value: 'ABC' }, filter), true);
    assert.equal(matchesElement({ value: 'abc' }, filter), false);
  });
});

describe('elementFromFilter', () => {
  const table: Array<[string, Record<string, unknown> | undefined]> = [
    ['type eq "work"', { type: 'work' }],
    ['type eq work and primary eq "True"', { type: 'work', primary: true }],
    ['TYPE eq "work"', { type: 'work' }],
    ['type eq "work" or type eq "home"', undefined],
    ['type ne "work"', undefined],
    ['type pr', undefined],
  ];
  for (const [text, expected] of table) {
    test(`${text} -> ${JSON.stringify(expected)}`, () => assert.deepEqual(elementFromFilter(parse(text)), expected));
  }
});
