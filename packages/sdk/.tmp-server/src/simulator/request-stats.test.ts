import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestStats, percentile } from './request-stats.js';

test('percentile is nearest-rank over sorted values', () => {
  const cases: [number[], number, number][] = [
    [[], 0.5, 0],
    [[7], 0.99, 7],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.99, 4],
    [Array.from({ length: 100 }, (_, index) => index + 1), 0.99, 99],
  ];
  for (const [values, quantile, expected] of cases) assert.equal(percentile(values, quantile), expected, `${quantile} of ${values.length}`);
});

test('counts non-2xx responses by status and keeps latencies past the first buffer', () => {
  const stats = new RequestStats();
  for (let index = 0; index < 3000; index++) stats.recordResponse(index % 1000 === 0 ? 429 : 200, index % 10);
  stats.recordResponse('network', 1);
  assert.equal(stats.requests, 3001);
  assert.deepEqual(stats.errorsByStatus(), { '429': 3, network: 1 });
  assert.equal(stats.latency().max, 9);
  assert.equal(stats.latency().p50, 4);
});
