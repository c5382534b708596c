import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('locateConformanceDir: a missing folder says where it looked, how it was chosen and what is missing', () => {
  assert.deepEqual(locateConformanceDir('/nonexistent/conformance'), {
    found: false,
    reason: 'conformance data not found at /nonexistent/conformance (--conformance-dir): okta/Okta-SCIM-20-SPEC-Test.json and microsoft/PostmanCollection.json missing',
  });
  assert.deepEqual(locateConformanceDir(undefined, { ROSTER_CONFORMANCE_DIR: '/elsewhere' }), {
    found: false,
    reason: 'conformance data not found at /elsewhere (ROSTER_CONFORMANCE_DIR): okta/Okta-SCIM-20-SPEC-Test.json and microsoft/PostmanCollection.json missing',
  });
});

test('locateConformanceDir: a folder with only one suite is not enough', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
  try {
    mkdirSync(join(dir, 'okta'));
    writeFileSync(join(dir, 'okta', 'Okta-SCIM-20-SPEC-Test.json'), '{}');
    assert.deepEqual(locateConformanceDir(dir), { found: false, reason: `conformance data not found at ${dir} (--conformance-dir): microsoft/PostmanCollection.json missing` });
    mkdirSync(join(dir, 'microsoft'));
    writeFileSync(join(dir, 'microsoft', 'PostmanCollection.json'), '{}');
    assert.deepEqual(locateConformanceDir(dir), { found: true, dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('locateConformanceDir: defaults to ../shared/conformance beside the repository', () => {
  const root = findRepoRoot();
  assert.ok(root);
  const located = locateConformanceDir(undefined, {});
  assert.equal(located.found, existsSync(join(root, '..', 'shared', 'conformance', 'okta')));
});
