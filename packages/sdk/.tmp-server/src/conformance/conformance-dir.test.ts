import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRepoRoot, locateConformanceDir } from './conformance-dir.js';

test('findRepoRoot: the nearest package.json with workspaces', () => {
  const root = findRepoRoot();
  assert.ok(root);
  const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.ok(typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest);
});

test('findRepoRoot: none above the filesystem root', () => {
  assert.equal(findRepoRoot('/'), undefined);
});

test('locateConformanceDir: a missing folder says where it looked', () => {
  const located = locateConformanceDir('/nonexistent/conformance');
  assert.deepEqual(located, { found: false, reason: 'conformance data not found at /nonexistent/conformance' });
});

test('locateConformanceDir: defaults to ../shared/conformance beside the repository', () => {
  const root = findRepoRoot();
  assert.ok(root);
  const located = locateConformanceDir();
  assert.equal(located.found, existsSync(join(root, '..', 'shared', 'conformance')));
});
