import { randomBytes } from 'node:crypto';
import { locateConformanceDir } from './conformance-dir.js';
import { MICROSOFT_KNOWN_EXCEPTIONS } from './known-exceptions.js';
import { runMicrosoftCollection } from './microsoft-collection.js';
import { runOktaSpecTest } from './okta-spec-test.js';
import { provisionDirectory, type DirectoryProvider } from './provision-directory.js';
import { formatMicrosoftRequests, formatOktaStep } from './report.js';

export interface ServerTarget {
  /** Roster's base URL, e.g. http://127.0.0.1:8080 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface ConformanceFailure {
  /** The step or request, e.g. "[13] Required Test: Check status 401" or "User tests / Post User". */
  where: string;
  check: string;
  error: string;
}

export interface OktaSummary {
  passed: number;
  failed: number;
  failures: ConformanceFailure[];
}

export interface MicrosoftSummary {
  passed: number;
  failed: number;
  excepted: number;
  failures: ConformanceFailure[];
  exceptions: (ConformanceFailure & { reason: string })[];
}

export interface ConformanceSummary {
  okta: OktaSummary;
  microsoft: MicrosoftSummary;
  /** Why nothing ran (the conformance data is not there). */
  skipped?: string;
}

export interface SuiteOptions extends ServerTarget {
  /** Where the suites live; default `<repo root>/../shared/conformance`. */
  conformanceDir?: string;
  /** Where report lines go; default stdout. */
  print?: (line: string) => void;
}

export type SuiteOutcome<T> = { skipped: string } | { skipped?: undefined; summary: T };

const printLine = (line: string) => process.stdout.write(`${line}\n`);

/** One line per failure, for an assertion message or a CI log. */
export function describeFailures(failures: readonly ConformanceFailure[]): string {
  return failures.map((f) => `- ${f.where} :: ${f.check} :: ${f.error}`).join('\n');
}

async function provision(target: ServerTarget, provider: DirectoryProvider, suite: string) {
  return provisionDirectory({ ...target, provider, organizationName: `Conformance ${suite} ${randomBytes(3).toString('hex')}` });
}

const provisionFailure = (error: unknown): ConformanceFailure => ({
  where: 'setup',
  check: 'provision an organization, a SCIM directory and a secret',
  error: error instanceof Error ? error.message : String(error),
});

/** Okta's SCIM 2.0 spec test against a fresh OKTA directory. */
export async function runOktaSuite(options: SuiteOptions): Promise<SuiteOutcome<OktaSummary>> {
  const located = locateConformanceDir(options.conformanceDir);
  if (!located.found) return { skipped: located.reason };
  const print = options.print ?? printLine;
  print('Okta SCIM 2.0 spec test (Runscope export)');
  let directory;
  try {
    directory = await provision(options, 'OKTA', 'okta');
  } catch (error) {
    const failure = provisionFailure(error);
    print(`  FAIL setup: ${failure.error}`);
    return { summary: { passed: 0, failed: 1, failures: [failure] } };
  }
  print(`  directory ${directory.directoryId} at ${directory.scimBaseUrl}`);
  const run = await runOktaSpecTest({
    conformanceDir: located.dir,
    scimBaseUrl: directory.scimBaseUrl,
    token: directory.token,
    onStep: (step) => formatOktaStep(step).forEach((line) => print(line)),
  });
  const failures = run.steps.flatMap((step) =>
    step.checks.filter((check) => !check.passed).map((check) => ({ where: `[${step.position}] ${step.title}`, check: check.description, error: check.message ?? 'failed' })),
  );
  print(`  Okta: ${run.passed} passed, ${run.failed} failed`);
  return { summary: { passed: run.passed, failed: run.failed, failures } };
}

/** Microsoft's SCIM reference-code Postman collection against a fresh AZURE_AD directory. */
export async function runMicrosoftSuite(options: SuiteOptions): Promise<SuiteOutcome<MicrosoftSummary>> {
  const located = locateConformanceDir(options.conformanceDir);
  if (!located.found) return { skipped: located.reason };
  const print = options.print ?? printLine;
  print('Microsoft SCIM reference collection (Postman, run with newman)');
  let directory;
  try {
    directory = await provision(options, 'AZURE_AD', 'microsoft');
  } catch (error) {
    const failure = provisionFailure(error);
    print(`  FAIL setup: ${failure.error}`);
    return { summary: { passed: 0, failed: 1, excepted: 0, failures: [failure], exceptions: [] } };
  }
  print(`  directory ${directory.directoryId} at ${directory.scimBaseUrl}`);
  const run = await runMicrosoftCollection({ conformanceDir: located.dir, scimBaseUrl: directory.scimBaseUrl, token: directory.token });
  formatMicrosoftRequests(run.requests).forEach((line) => print(line));
  const where = (c: { folder: string; request: string }) => `${c.folder} / ${c.request}`;
  const failures = run.failures.map((c) => ({ where: where(c), check: c.check, error: c.error ?? 'failed' }));
  const exceptions = run.exceptions.map((c) => ({ where: where(c), check: c.check, error: c.error ?? 'failed', reason: c.exception?.reason ?? '' }));
  if (exceptions.length > 0) {
    print('  Known exceptions (the reference server\'s own behaviour, not SCIM):');
    for (const e of exceptions) print(`    - ${e.where} :: ${e.check}: ${e.reason}`);
  }
  const unused = MICROSOFT_KNOWN_EXCEPTIONS.filter((k) => !run.exceptions.some((c) => c.exception === k));
  for (const k of unused) print(`  note: known exception not needed this run: ${k.folder} / ${k.request} :: ${k.check}`);
  print(`  Microsoft: ${run.passed} passed, ${run.failed} failed, ${run.excepted} known exceptions`);
  return { summary: { passed: run.passed, failed: run.failed, excepted: run.excepted, failures, exceptions } };
}

/** Runs both suites, each against its own fresh directory, printing a report as it goes. */
export async function runConformance(options: SuiteOptions): Promise<ConformanceSummary> {
  const print = options.print ?? printLine;
  const okta = await runOktaSuite({ ...options, print });
  if (okta.skipped !== undefined) {
    print(`SKIPPED conformance suites: ${okta.skipped}`);
    return {
      okta: { passed: 0, failed: 0, failures: [] },
      microsoft: { passed: 0, failed: 0, excepted: 0, failures: [], exceptions: [] },
      skipped: okta.skipped,
    };
  }
  print('');
  const microsoft = await runMicrosoftSuite({ ...options, print });
  const microsoftSummary: MicrosoftSummary =
    microsoft.skipped === undefined ? microsoft.summary : { passed: 0, failed: 0, excepted: 0, failures: [], exceptions: [] };
  const summary: ConformanceSummary = { okta: okta.summary, microsoft: microsoftSummary };
  const failures = [...summary.okta.failures, ...summary.microsoft.failures];
  print('');
  print(failures.length === 0 ? 'Conformance: no unexpected failures.' : `Conformance: ${failures.length} unexpected failure(s):\n${describeFailures(failures)}`);
  return summary;
}

export interface ConformanceCommandOptions {
  /** Base URL of a running Roster. (Starting a server when none is given is the CLI's job.) */
  url: string;
  clientId: string;
  clientSecret: string;
  conformanceDir?: string;
  /** Print the structured summary as JSON after the report. */
  json?: boolean;
}

/** `roster conformance --url ... --client-id ... --client-secret ...`: returns the process exit code. */
export async function conformanceCommand(options: ConformanceCommandOptions): Promise<number> {
  const summary = await runConformance({
    baseUrl: options.url,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.conformanceDir === undefined ? {} : { conformanceDir: options.conformanceDir }),
  });
  if (options.json) printLine(JSON.stringify(summary, null, 2));
  if (summary.skipped !== undefined) {
    process.stderr.write(`conformance SKIPPED: ${summary.skipped}\n`);
    return 0;
  }
  return summary.okta.failed + summary.microsoft.failed === 0 ? 0 : 1;
}
