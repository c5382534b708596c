import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKOFF_MAX_SECONDS, backoffSeconds, failedRun, interruptedRun, succeededRun, type DirectoryState } from './run-outcome.js';
import { SourceError } from './source.js';
import type { HeldSummary } from './sync-directory.js';

const now = new Date('2025-03-01T12:00:00Z');
const state: DirectoryState = { status: 'active', message: null, failures: 0, intervalSeconds: 1800, approved: false };
const seconds = (date: Date | null) => (date === null ? null : (date.getTime() - now.getTime()) / 1000);

test('backoff doubles from a minute and stops at six hours', () => {
  const middle = () => 0.5;
  assert.deepEqual([1, 2, 3, 4, 10].map((failures) => backoffSeconds(failures, middle)), [60, 120, 240, 480, BACKOFF_MAX_SECONDS]);
  assert.equal(backoffSeconds(1000, middle), BACKOFF_MAX_SECONDS);
  assert.equal(backoffSeconds(1, () => 0), 54);
  assert.equal(backoffSeconds(1, () => 1), 66);
});

test('a successful run puts the directory back on its interval and forgets failures', () => {
  const finished = succeededRun({ status: 'succeeded', failures: [] }, { users_created: 3 }, { ...state, status: 'error', failures: 4, message: 'x' }, now);
  assert.equal(finished.status, 'succeeded');
  assert.deepEqual({ ...finished.outcome, nextSyncAt: seconds(finished.outcome.nextSyncAt) }, {
    status: 'active',
    message: null,
    failures: 0,
    nextSyncAt: 1800,
    succeeded: true,
    consumedApproval: false,
  });
});

test('objects the directory refused make a partial success, named in the message', () => {
  const finished = succeededRun({ status: 'succeeded', failures: ['user 7: userName is required'] }, { objects_failed: 1 }, state, now);
  assert.equal(finished.errorCode, 'partial');
  assert.match(finished.outcome.message ?? '', /1 objects could not be applied: user 7: userName is required/);
  assert.equal(finished.outcome.status, 'active');
});

test('a held run waits for review, unscheduled, and uses up an approval', () => {
  const held = { reason: 'would delete 50 of 100 users', users_deleted: 50 } as unknown as HeldSummary;
  const finished = succeededRun({ status: 'held', held, failures: [] }, {}, { ...state, approved: true }, now);
  assert.equal(finished.status, 'held');
  assert.equal(finished.outcome.status, 'needs_review');
  assert.equal(finished.outcome.nextSyncAt, null);
  assert.equal(finished.outcome.consumedApproval, true);
  assert.equal(finished.outcome.message, 'would delete 50 of 100 users');
});

test('revoked credentials mark the directory invalid_credentials; other failures mark it error; both back off', () => {
  const revoked = failedRun(new SourceError('invalid_credentials', 'Google refused the credentials (401)', 401), {}, { ...state, failures: 2 }, now, () => 0.5);
  assert.equal(revoked.outcome.status, 'invalid_credentials');
  assert.equal(revoked.errorCode, 'invalid_credentials');
  assert.match(revoked.outcome.message ?? '', /Nothing was removed/);
  assert.equal(revoked.outcome.failures, 3);
  assert.equal(seconds(revoked.outcome.nextSyncAt), 240);
  const down = failedRun(new SourceError('unavailable', 'admin.googleapis.com could not be reached'), {}, state, now, () => 0.5);
  assert.deepEqual([down.outcome.status, down.errorCode, seconds(down.outcome.nextSyncAt)], ['error', 'source_error', 60]);
  const bug = failedRun(new TypeError('x is undefined'), {}, state, now, () => 0.5);
  assert.deepEqual([bug.outcome.status, bug.errorCode], ['error', 'apply_error']);
});

test('a run cut short by shutdown leaves the status alone and is due at once', () => {
  const finished = interruptedRun({}, { ...state, status: 'invalid_credentials', message: 'm', failures: 2 }, now);
  assert.equal(finished.status, 'interrupted');
  assert.deepEqual([finished.outcome.status, finished.outcome.message, finished.outcome.failures, seconds(finished.outcome.nextSyncAt)], ['invalid_credentials', 'm', 2, 0]);
});
