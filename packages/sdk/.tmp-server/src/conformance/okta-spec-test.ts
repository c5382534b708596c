import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OKTA_SPEC_TEST_FILE } from './conformance-dir.js';
import { sendRequest } from './http-exchange.js';
import { parseRunscopeTest } from './runscope-format.js';
import { runRunscopeTest, type RunscopeRunResult, type StepResult } from './runscope-runner.js';

// Okta's "SCIM 2.0 spec test" runs in Runscope with variables the vendor fills in and a
// directory that already holds one user (its first step reads `Resources[0]`).

const GIVEN_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Edsger', 'Barbara', 'Radia', 'Donald'];
const FAMILY_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov', 'Perlman', 'Knuth'];

const tag = () => randomBytes(4).toString('hex');
const pick = (names: readonly string[]) => names[randomBytes(1)[0]! % names.length]!;

/** The variables the export expects from its environment, fresh for each run. */
export function oktaSpecVariables(scimBaseUrl: string, token: string): Record<string, string> {
  const givenName = pick(GIVEN_NAMES);
  const familyName = `${pick(FAMILY_NAMES)}-${tag()}`;
  const randomUsername = `${givenName}.${familyName}@example.com`.toLowerCase();
  return {
    SCIMBaseURL: scimBaseUrl.replace(/\/+$/, ''),
    auth: `Bearer ${token}`,
    randomGivenName: givenName,
    randomFamilyName: familyName,
    randomUsername,
    // Okta sends userName filters in a different case to check they compare case-insensitively.
    randomUsernameCaps: randomUsername.toUpperCase(),
    randomEmail: `${givenName}.${tag()}@example.org`.toLowerCase(),
    InvalidUserEmail: `no-such-user-${tag()}@example.com`,
    UserIdThatDoesNotExist: '010101001010101011001010101011',
  };
}

/** Creates the one user the spec test expects to find; reported as step 0 of the run. */
export async function seedOktaUser(scimBaseUrl: string, token: string): Promise<StepResult> {
  const url = `${scimBaseUrl.replace(/\/+$/, '')}/Users`;
  const userName = `seed.${tag()}@example.com`;
  const title = 'Setup: create the user the test expects to exist';
  const body = JSON.stringify({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Seed', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Seed User',
    active: true,
  });
  const description = 'status equal number "201"';
  try {
    const response = await sendRequest({
      method: 'POST',
      url,
      headers: { 'Content-Type': 'application/scim+json', Accept: 'application/scim+json', Authorization: `Bearer ${token}` },
      body,
    });
    const passed = response.status === 201;
    return {
      position: 0,
      title,
      method: 'POST',
      url,
      status: response.status,
      timeMs: response.timeMs,
      checks: [passed ? { description, passed } : { description, passed, message: `got ${response.status}: ${response.text.slice(0, 300)}` }],
      notes: [],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { position: 0, title, method: 'POST', url, error: message, checks: [{ description, passed: false, message }], notes: [] };
  }
}

export interface OktaSpecTestOptions {
  conformanceDir: string;
  scimBaseUrl: string;
  token: string;
  onStep?: (step: StepResult) => void;
}

/** Seeds the directory and runs Okta's spec test against it. */
export async function runOktaSpecTest(options: OktaSpecTestOptions): Promise<RunscopeRunResult> {
  const file = join(options.conformanceDir, OKTA_SPEC_TEST_FILE);
  const test = parseRunscopeTest(JSON.parse(await readFile(file, 'utf8')));
  const seed = await seedOktaUser(options.scimBaseUrl, options.token);
  options.onStep?.(seed);
  const run = await runRunscopeTest(test, {
    variables: oktaSpecVariables(options.scimBaseUrl, options.token),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const seedPassed = seed.checks.filter((check) => check.passed).length;
  return {
    ...run,
    steps: [seed, ...run.steps],
    passed: run.passed + seedPassed,
    failed: run.failed + seed.checks.length - seedPassed,
  };
}
