import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFORMANCE_DATA_HELP, locateConformanceDir } from '../src/conformance/conformance-dir.js';
import { describeFailures, runOktaSuite } from '../src/conformance/run-conformance.js';
import { startTestServer } from './support/test-server.js';

// Okta's SCIM 2.0 spec test (the Runscope export Okta asks app vendors to pass), run against a
// real Roster on a loopback port. The export lives outside the repository; without it the test skips.

const located = locateConformanceDir();
const store = process.env['ROSTER_TEST_STORE'] === 'postgres' ? 'postgres' : 'embedded';

test(
  `okta: the SCIM 2.0 spec test passes (${store} store)`,
  { skip: located.found ? false : `SKIPPED: ${located.reason}. ${CONFORMANCE_DATA_HELP}`, timeout: 120_000 },
  async (t) => {
    const server = await startTestServer({ store });
    try {
      const report: string[] = [];
      const outcome = await runOktaSuite({
        baseUrl: server.baseUrl,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        print: (line) => report.push(line),
      });
      if (outcome.skipped !== undefined) return t.skip(outcome.skipped);
      const { summary } = outcome;
      t.diagnostic(`okta: ${summary.passed} passed, ${summary.failed} failed`);
      assert.ok(summary.passed > 0, 'the spec test ran some checks');
      assert.equal(
        summary.failed,
        0,
        `Okta spec test: ${summary.failed} failed check(s):\n${describeFailures(summary.failures)}\n\nFull report:\n${report.join('\n')}`,
      );
    } finally {
      await server.close();
    }
  },
);
