import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// `roster conformance` without its data says where the data comes from and what to pass, and
// fails, instead of skipping silently; it starts nothing first.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

function conformance(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'conformance', ...args], { cwd: SERVER_DIR, env, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

for (const [how, args, env] of [
  ['--conformance-dir', ['--conformance-dir', '/nonexistent/conformance'], {}],
  ['ROSTER_CONFORMANCE_DIR', [], { ROSTER_CONFORMANCE_DIR: '/nonexistent/conformance' }],
] as const) {
  test(`roster conformance with no data at ${how} says where the suites come from and what to pass, and fails`, async () => {
    const result = await conformance([...args], { ...process.env, ...env });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, new RegExp(`^Cannot run the conformance suites: conformance data not found at /nonexistent/conformance \\(${how}\\): okta/Okta-SCIM-20-SPEC-Test.json and microsoft/PostmanCollection.json missing\\.`));
    for (const said of [/Okta's SCIM 2\.0 spec test/, /github\.com\/AzureAD\/SCIMReferenceCode/, /pass --conformance-dir <folder> or set ROSTER_CONFORMANCE_DIR/]) assert.match(result.stderr, said);
    assert.equal(result.stdout, '', 'nothing ran');
  });
}
