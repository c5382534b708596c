import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advertisedRate } from './rate-policy.js';

test('advertisedRate reads the strictest q/w of a RateLimit-Policy list', () => {
  const cases: [string | null, number | undefined][] = [
    ['"directory";q=200;w=1;roster-burst=400', 200],
    ['"directory";q=25;w=1', 25],
    ['"burst";q=100;w=60,"daily";q=1000;w=86400', 1000 / 86400],
    ['"permin";q=50;w=60, "persec";q=5;w=1', 50 / 60],
    ['"default";q=100', undefined],
    ['"x";w=1', undefined],
    ['"x";q=10;w=0', undefined],
    ['"x";qu="requests";q=10;w=2', 5],
    ['"x";q=10x;w=1', undefined],
    ['', undefined],
    [null, undefined],
  ];
  for (const [header, expected] of cases) assert.equal(advertisedRate(header), expected, String(header));
});
