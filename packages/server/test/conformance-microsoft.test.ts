import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFORMANCE_DATA_HELP, locateConformanceDir } from '../src/conformance/conformance-dir.js';
import { describeFailures, runMicrosoftSuite } from '../src/conformance/run-conformance.js';
import { startTestServer } from './support/test-server.js';

// Microsoft's SCIM reference-code Postman collection, run with newman against a real Roster on
// a loopback port. Checks that encode the reference server's own behaviour are listed, with
// their reason, in src/conformance/known-exceptions.ts; every other failure is a Roster bug.

const located = locateConformanceDir();
const store = process.env['ROSTER_TEST_STORE'] === 'postgres' ? 'postgres' : 'embedded';

test(
  `entra: Microsoft's SCIM reference collection passes (${store} store)`,
  { skip: located.found ? false : `SKIPPED: ${located.reason}. ${CONFORMANCE_DATA_HELP}`, timeout: 180_000 },
  async (t) => {
    const server = await startTestServer({ store });
    try {
      const report: string[] = [];
      const outcome = await runMicrosoftSuite({
        baseUrl: server.baseUrl,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        print: (line) => report.push(line),
      });
      if (outcome.skipped !== undefined) return t.skip(outcome.skipped);
      const { summary } = outcome;
      t.diagnostic(`microsoft: ${summary.passed} passed, ${summary.failed} failed, ${summary.excepted} known exceptions`);
      for (const e of summary.exceptions) t.diagnostic(`known exception: ${e.where} :: ${e.check} (${e.reason})`);
      assert.ok(summary.passed > 0, 'the collection ran some checks');
      assert.equal(
        summary.failed,
        0,
        `Microsoft collection: ${summary.failed} unexpected failure(s):\n${describeFailures(summary.failures)}\n\nFull report:\n${report.join('\n')}`,
      );
    } finally {
      await server.close();
    }
  },
);
