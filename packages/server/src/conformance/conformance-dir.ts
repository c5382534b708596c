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

export const OKTA_SPEC_TEST_FILE = join('okta', 'Okta-SCIM-20-SPEC-Test.json');
export const MICROSOFT_COLLECTION_FILE = join('microsoft', 'PostmanCollection.json');

/** Where the suites come from and what to pass: for a command that cannot find them, and for tests that skip. */
export const CONFORMANCE_DATA_HELP =
  'The conformance suites are third-party files kept outside this repository: Okta\'s SCIM 2.0 spec test ' +
  `(${OKTA_SPEC_TEST_FILE}, the Runscope export linked from Okta's developer guide "Test your SCIM API") and Microsoft's SCIM ` +
  `reference Postman collection (${MICROSOFT_COLLECTION_FILE}, from github.com/AzureAD/SCIMReferenceCode). Put both in one folder ` +
  `under those names and pass --conformance-dir <folder> or set ROSTER_CONFORMANCE_DIR; by default Roster looks in ${CONFORMANCE_DIR_FROM_ROOT} beside the repository.`;

export type ConformanceDir = { found: true; dir: string } | { found: false; reason: string };

/** Where the suites live (`override`, else ROSTER_CONFORMANCE_DIR, else beside the repository), or why they cannot be run. */
export function locateConformanceDir(override?: string, env: Record<string, string | undefined> = process.env): ConformanceDir {
  const chosen = override ?? (env.ROSTER_CONFORMANCE_DIR || undefined);
  let dir: string;
  let source: string;
  if (chosen !== undefined) {
    dir = resolve(chosen);
    source = override !== undefined ? '--conformance-dir' : 'ROSTER_CONFORMANCE_DIR';
  } else {
    const root = findRepoRoot();
    if (root === undefined) return { found: false, reason: 'repository root (package.json with "workspaces") not found' };
    dir = resolve(root, CONFORMANCE_DIR_FROM_ROOT);
    source = 'the default';
  }
  const missing = [OKTA_SPEC_TEST_FILE, MICROSOFT_COLLECTION_FILE].filter((file) => !existsSync(join(dir, file)));
  if (missing.length === 0) return { found: true, dir };
  return { found: false, reason: `conformance data not found at ${dir} (${source}): ${missing.join(' and ')} missing` };
}
