import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from './prng.js';

test('the same seed draws the same sequence; another seed another one', () => {
  const draw = (seed: string) => {
    const random = createRandom(seed);
    return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
  };
  assert.deepEqual(draw('roster'), draw('roster'));
  assert.notDeepEqual(draw('roster'), draw('roster2'));
});

test('forks are independent of draws made on the parent', () => {
  const a = createRandom(7);
  const b = createRandom(7);
  b.next();
  assert.equal(a.fork('users').next(), b.fork('users').next());
});

test('int, sample, weighted and uuid stay in range', () => {
  const random = createRandom('ranges');
  for (let index = 0; index < 1000; index++) {
    const value = random.int(3, 5);
    assert.ok(value >= 3 && value <= 5);
  }
  const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
  assert.equal(new Set(sample).size, 4);
  assert.equal(random.sample([1, 2], 5).length, 2);
  assert.equal(random.weighted(['a', 'b'], [0, 1]), 'b');
  assert.match(random.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
