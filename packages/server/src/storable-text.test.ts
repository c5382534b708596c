import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storableJson, storableText } from './storable-text.js';

const textCases: [string, string, number | undefined, string][] = [
  ['plain text is kept', 'ada@example.com', undefined, 'ada@example.com'],
  ['NUL is replaced', 'a\u0000b\u0000', undefined, 'a\uFFFDb\uFFFD'],
  ['a lone high surrogate is replaced', 'x\uD800y', undefined, 'x\uFFFDy'],
  ['a lone high surrogate at the end', 'x\uD800', undefined, 'x\uFFFD'],
  ['a lone low surrogate is replaced', '\uDFFFz', undefined, '\uFFFDz'],
  ['a surrogate pair is kept', 'emoji 😀', undefined, 'emoji 😀'],
  ['reversed halves are two lone surrogates', '\uDE00\uD83D', undefined, '\uFFFD\uFFFD'],
  ['long text is cut with an ellipsis', 'abcdefghij', 5, 'abcd…'],
  ['text at the length is kept', 'abcde', 5, 'abcde'],
  ['a cut never splits a surrogate pair', 'abc😀😀', 5, 'abc…'],
];

for (const [name, input, max, expected] of textCases) {
  test(`storableText: ${name}`, () => assert.equal(storableText(input, max), expected));
}

test('storableJson cleans strings and keys at any depth and keeps the rest', () => {
  const value = JSON.parse('{"a\\u0000":["x\\ud800",{"k":"\\u0000"}],"n":1,"t":true,"z":null}') as unknown;
  assert.deepEqual(storableJson(value, 1_000), { 'a\uFFFD': ['x\uFFFD', { k: '\uFFFD' }], n: 1, t: true, z: null });
});

test('storableJson: a value over the byte limit becomes a note of its size, counted in UTF-8 bytes', () => {
  const body = { name: 'é'.repeat(600) }; // 600 characters, 1,200 bytes
  assert.deepEqual(storableJson(body, 1_211), { name: 'é'.repeat(600) });
  assert.deepEqual(storableJson(body, 1_210), { truncated: true, bytes: 1_211 });
  assert.equal(storableJson(undefined, 10), undefined);
});
