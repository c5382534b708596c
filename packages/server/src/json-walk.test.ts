import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonEqual } from './json-equal.js';
import { copyJson, findJsonNode, jsonPath } from './json-walk.js';

/** A value nested `levels` deep in alternating objects and arrays, built without recursion. */
function deep(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

test('findJsonNode visits in document order: a container before its contents, keys in order', () => {
  const seen: unknown[] = [];
  findJsonNode({ a: [1, { b: 2 }], c: 3 }, (node) => {
    seen.push(node.key);
    return false;
  });
  assert.deepEqual(seen, [undefined, 'a', 0, 1, 'b', 'c']);
});

test('findJsonNode stops at the first match and jsonPath names it', () => {
  const found = findJsonNode({ a: [{ x: 1 }, { x: 2, y: 'hit' }], y: 'later' }, (node) => node.value === 'hit' || node.value === 'later');
  assert.ok(found);
  assert.deepEqual(jsonPath(found), ['a', 1, 'y']);
});

test('copyJson maps scalars and copies containers', () => {
  const source = { a: ['x', { b: 'x', c: 1 }], d: null };
  const copy = copyJson(source, (value) => (value === 'x' ? 'y' : value));
  assert.deepEqual(copy, { a: ['y', { b: 'y', c: 1 }], d: null });
  assert.notEqual((copy as { a: unknown }).a, source.a);
});

test('copyJson defines __proto__ as an own key, never through the prototype setter', () => {
  const copy = copyJson(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
  assert.ok(Object.hasOwn(copy, '__proto__'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
});

test('walks, copies and comparisons of values 100,000 levels deep do not touch the call stack', () => {
  const value = deep(100_000);
  const found = findJsonNode(value, (node) => node.value === 'leaf');
  assert.equal(found && jsonPath(found).length, 100_000);
  const copy = copyJson(value);
  assert.ok(jsonEqual(value, copy));
  assert.ok(!jsonEqual(value, deep(99_999)));
});
