import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateAssertion, extractVariable, SUPPORTED_COMPARISONS, type ObservedResponse } from './runscope-assertion.js';
import type { RunscopeAssertion } from './runscope-format.js';

const body = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'u1',
  status: '401',
  active: true,
  count: 3,
  countText: '3',
  nothing: null,
  emptyList: [],
  emptyObject: {},
  emptyText: '',
  flag: false,
  name: { givenName: 'Ada' },
};
const response: ObservedResponse = { status: 201, headers: { 'content-type': 'application/scim+json' }, text: JSON.stringify(body), timeMs: 42 };
const variables = new Map([['id', 'u1']]);

const json = (comparison: string, property: string, value: string | null = null): RunscopeAssertion => ({ source: 'response_json', comparison, property, value });

// [name, assertion, passes]
const cases: [string, RunscopeAssertion, boolean][] = [
  ['equal_number status', { source: 'response_status', comparison: 'equal_number', value: '201' }, true],
  ['equal_number status mismatch', { source: 'response_status', comparison: 'equal_number', value: '200' }, false],
  ['equal compares text: boolean true equals "true"', json('equal', 'active', 'true'), true],
  ['equal with a {{variable}}', json('equal', 'id', '{{id}}'), true],
  ['equal string status', json('equal', 'status', '401'), true],
  ['equal on a missing property fails', json('equal', 'missing', ''), false],
  ['not_equal', json('not_equal', 'id', 'u2'), true],
  ['not_equal same', json('not_equal', 'id', 'u1'), false],
  ['not_empty string', json('not_empty', 'id'), true],
  ['not_empty false is a value', json('not_empty', 'flag'), true],
  ['not_empty missing', json('not_empty', 'Resources[0].id'), false],
  ['not_empty null', json('not_empty', 'nothing'), false],
  ['not_empty []', json('not_empty', 'emptyList'), false],
  ['not_empty {}', json('not_empty', 'emptyObject'), false],
  ['not_empty ""', json('not_empty', 'emptyText'), false],
  ['empty missing', json('empty', 'missing'), true],
  ['empty []', json('empty', 'emptyList'), true],
  ['empty with value', json('empty', 'id'), false],
  ['contains on an array element', json('contains', 'schemas', 'urn:ietf:params:scim:schemas:core:2.0:User'), true],
  ['contains substring of a string', json('contains', 'name.givenName', 'Ad'), true],
  ['contains absent', json('contains', 'schemas', 'Group'), false],
  ['does_not_contain', json('does_not_contain', 'schemas', 'Group'), true],
  ['has_value in an array', json('has_value', 'schemas', 'urn:ietf:params:scim:schemas:core:2.0:User'), true],
  ['has_value needs a whole element', json('has_value', 'schemas', 'urn:ietf'), false],
  ['has_value in an object', json('has_value', 'name', 'Ada'), true],
  ['has_key', json('has_key', 'name', 'givenName'), true],
  ['has_key absent', json('has_key', 'name', 'familyName'), false],
  ['is_a_number on a JSON number', json('is_a_number', 'count'), true],
  ['is_a_number rejects a numeric string (Okta needs integers)', json('is_a_number', 'countText'), false],
  ['is_a_number missing', json('is_a_number', 'missing'), false],
  ['equal_number on a numeric string', json('equal_number', 'countText', '3'), true],
  ['is_less_than response time', { source: 'response_time', comparison: 'is_less_than', value: '600' }, true],
  ['is_less_than fails', { source: 'response_time', comparison: 'is_less_than', value: '42' }, false],
  ['is_less_than_or_equal', { source: 'response_time', comparison: 'is_less_than_or_equal', value: '42' }, true],
  ['is_greater_than', json('is_greater_than', 'count', '2'), true],
  ['is_greater_than_or_equal', json('is_greater_than_or_equal', 'count', '4'), false],
  ['is_null', json('is_null', 'nothing'), true],
  ['is_null on a missing property', json('is_null', 'missing'), false],
  ['response_text contains', { source: 'response_text', comparison: 'contains', value: '"givenName":"Ada"' }, true],
  ['response_headers, name case-insensitive', { source: 'response_headers', comparison: 'contains', property: 'Content-Type', value: 'scim' }, true],
  ['unknown comparison fails', json('matches_regex_of_doom', 'id', 'x'), false],
  ['unknown source fails', { source: 'response_xml', comparison: 'not_empty' }, false],
];

for (const [name, assertion, passes] of cases) {
  test(`evaluateAssertion: ${name}`, () => {
    const result = evaluateAssertion(assertion, response, variables);
    assert.equal(result.passed, passes, `${result.description}: ${result.message ?? ''}`);
    if (!passes) assert.ok(result.message, 'a failure says why');
  });
}

test('evaluateAssertion: every comparison used by the Okta export is supported', () => {
  for (const comparison of ['equal', 'equal_number', 'not_empty', 'has_value', 'is_a_number', 'contains', 'is_less_than']) {
    assert.ok(SUPPORTED_COMPARISONS.includes(comparison), comparison);
  }
});

test('evaluateAssertion: a non-JSON body is named in the failure', () => {
  const result = evaluateAssertion(json('not_empty', 'detail'), { ...response, text: 'Unauthorized' }, variables);
  assert.equal(result.passed, false);
  assert.match(result.message ?? '', /not JSON: Unauthorized/);
});

test('extractVariable: values come back as text, absence as undefined', () => {
  assert.equal(extractVariable('response_json', 'id', response), 'u1');
  assert.equal(extractVariable('response_json', 'count', response), '3');
  assert.equal(extractVariable('response_json', 'active', response), 'true');
  assert.equal(extractVariable('response_status', undefined, response), '201');
  assert.equal(extractVariable('response_json', 'Resources[0].id', response), undefined);
});
