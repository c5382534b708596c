import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, progressLine } from './progress.js';

test('progressLine shows counts, share, rate and ETA, with a bar on a terminal', () => {
  assert.equal(progressLine('users', 25, 100, 50, 5), 'users 25/100 25%  10 req/s  ETA 15s');
  assert.equal(progressLine('users', 50, 100, 50, 300, 10), 'users [#####.....] 50/100 50%  0 req/s  ETA 5m00s');
  assert.equal(progressLine('groups', 0, 10, 0, 0), 'groups 0/10 0%  0 req/s  ETA ?');
  assert.equal(progressLine('groups', 0, 0, 0, 0), 'groups 0/0 100%  0 req/s  ETA 0s');
});

test('a non-terminal gets plain lines, and a last line per phase', () => {
  const written: string[] = [];
  const progress = createProgress({ write: (text: string) => written.push(text), isTTY: false }, () => 0, 60_000);
  progress.phase('users', 2);
  progress.tick();
  progress.tick();
  progress.done();
  assert.equal(written.length, 1);
  assert.match(written[0] ?? '', /^users 2\/2 100% .*ETA 0s\n$/);
});
