import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The conformance data (Okta's and Microsoft's suites) is third-party material kept beside
 * the repository, never inside it: `<repo root>/../shared/conformance`.
 */
export const CONFORMANCE_DIR_FROM_ROOT = '../shared/conformance';

function isWorkspaceRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
  } catch {
    return false;
  }
}

/** The repository root: the nearest ancestor holding a package.json with `workspaces`. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (isWorkspaceRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export type ConformanceDir = { found: true; dir: string } | { found: false; reason: string };

/** Where the suites live, or why they cannot be run (so callers can say they skipped). */
export function locateConformanceDir(override?: string): ConformanceDir {
  if (override !== undefined) {
    return existsSync(override)
      ? { found: true, dir: resolve(override) }
      : { found: false, reason: `conformance data not found at ${resolve(override)}` };
  }
  const root = findRepoRoot();
  if (root === undefined) return { found: false, reason: 'repository root (package.json with "workspaces") not found' };
  const dir = resolve(root, CONFORMANCE_DIR_FROM_ROOT);
  return existsSync(dir) ? { found: true, dir } : { found: false, reason: `conformance data not found at ${dir}` };
}

export const OKTA_SPEC_TEST_FILE = join('okta', 'Okta-SCIM-20-SPEC-Test.json');
export const MICROSOFT_COLLECTION_FILE = join('microsoft', 'PostmanCollection.json');
