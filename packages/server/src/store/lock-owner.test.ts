import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentOwner, judgeOwner, parseOwner, type LockOwner, type ProcessProbe } from './lock-owner.js';

const here: LockOwner = { pid: 200, startTime: '5000', bootId: 'boot-a', pidNamespace: 'pid:[1]', hostname: 'web-1', since: '2026-01-01T00:00:00Z' };
const owner = (changes: Partial<LockOwner>): LockOwner => ({ ...here, pid: 100, startTime: '4000', ...changes });
const probe = (processes: Record<number, string | undefined>): ProcessProbe => ({
  alive: (pid) => pid in processes,
  startTime: (pid) => processes[pid],
});

const cases: { name: string; owner: LockOwner; here?: LockOwner; processes: Record<number, string | undefined>; verdict: string; reason?: RegExp }[] = [
  { name: 'the owner still runs', owner: owner({}), processes: { 100: '4000' }, verdict: 'alive' },
  { name: 'the owner is gone', owner: owner({}), processes: {}, verdict: 'dead', reason: /process 100 is gone/ },
  { name: 'its pid now belongs to a process started later', owner: owner({}), processes: { 100: '9000' }, verdict: 'dead', reason: /another process/ },
  { name: 'its pid is this process (a container restarted: pid 1 again)', owner: owner({ pid: 200 }), processes: { 200: '5000' }, verdict: 'dead', reason: /this process/ },
  { name: 'the owner is this very process', owner: owner({ pid: 200, startTime: '5000' }), processes: { 200: '5000' }, verdict: 'alive' },
  { name: 'start time unreadable (no /proc): a live pid is taken as the owner', owner: owner({}), processes: { 100: undefined }, verdict: 'alive' },
  { name: 'the owner recorded no start time (not Linux)', owner: owner({ startTime: undefined, bootId: undefined, pidNamespace: undefined }), here: { ...here, bootId: undefined, pidNamespace: undefined }, processes: { 100: '4000' }, verdict: 'alive' },
  { name: 'the machine restarted since', owner: owner({ bootId: 'boot-old' }), processes: { 100: '4000' }, verdict: 'dead', reason: /restarted/ },
  { name: 'another container on this machine: invisible, left to the heartbeat', owner: owner({ pidNamespace: 'pid:[2]', hostname: 'c0ffee' }), processes: {}, verdict: 'unknown', reason: /another container/ },
  { name: 'another machine sharing the directory: left to the heartbeat', owner: owner({ bootId: 'boot-b', hostname: 'web-2' }), processes: {}, verdict: 'unknown', reason: /web-2/ },
  { name: 'another machine, no boot ids known', owner: owner({ bootId: undefined, hostname: 'web-2' }), here: { ...here, bootId: undefined }, processes: {}, verdict: 'unknown', reason: /web-2/ },
];

for (const example of cases) {
  test(`judgeOwner: ${example.name}`, () => {
    const judged = judgeOwner(example.owner, example.here ?? here, probe(example.processes));
    assert.equal(judged.verdict, example.verdict);
    if (example.reason) assert.match('reason' in judged ? judged.reason : '', example.reason);
  });
}

test('currentOwner records this process as judgeOwner finds it alive', () => {
  const me = currentOwner();
  assert.equal(me.pid, process.pid);
  if (process.platform === 'linux') {
    assert.match(me.startTime ?? '', /^\d+$/);
    assert.ok(me.bootId && me.pidNamespace);
  }
  // As seen from another process in the same place (this one under another pid).
  const other = { ...me, pid: process.pid + 1_000_000 };
  assert.equal(judgeOwner(me, other, { alive: () => true, startTime: () => me.startTime }).verdict, 'alive');
});

test('parseOwner reads what the lock holds and refuses what it cannot trust', () => {
  assert.deepEqual(parseOwner(JSON.stringify(here)), here);
  assert.equal(parseOwner('{"pid":"100","hostname":"x","since":"y"}'), undefined);
  assert.equal(parseOwner('not json'), undefined);
  assert.deepEqual(parseOwner('{"pid":1,"hostname":"x","since":"y","startTime":7}'), { pid: 1, hostname: 'x', since: 'y' });
});
