import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substitute } from './template.js';

const variables = new Map([
  ['SCIMBaseURL', 'http://127.0.0.1:1/scim/v2'],
  ['id', 'u1'],
  ['empty', ''],
]);

const cases: [string, string, string, string[]][] = [
  ['no placeholder', 'plain', 'plain', []],
  ['one placeholder', '{{SCIMBaseURL}}/Users', 'http://127.0.0.1:1/scim/v2/Users', []],
  ['several, repeated', '{{id}}-{{id}}', 'u1-u1', []],
  ['spaces inside braces', '{{ id }}', 'u1', []],
  ['empty value is still defined', 'x{{empty}}y', 'xy', []],
  ['inside JSON text', '{"userName":"{{id}}"}', '{"userName":"u1"}', []],
  ['unknown kept as written and reported once', '{{nope}}/{{nope}}', '{{nope}}/{{nope}}', ['nope']],
  ['single braces are text', '{id}', '{id}', []],
];

for (const [name, template, text, missing] of cases) {
  test(`substitute: ${name}`, () => {
    assert.deepEqual(substitute(template, variables), { text, missing });
  });
}
