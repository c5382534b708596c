import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import newman, { type NewmanExecution, type NewmanRunSummary, type NewmanVariable } from 'newman';
import { MICROSOFT_COLLECTION_FILE } from './conformance-dir.js';
import { sendRequest } from './http-exchange.js';
import { findKnownException, type KnownException } from './known-exceptions.js';

/**
 * The folders of Microsoft's SCIM reference-code collection that test a SCIM server. "Get
 * Token" targets the reference server's own token endpoint (the directory secret is passed
 * as `token` instead); the garbage-group and teardown folders are not part of the suite.
 */
export const MICROSOFT_FOLDERS = ['Endpoint tests', 'User tests', 'Group tests', 'ComplexAttribute tests', 'User tests with garbage'] as const;

export interface PostmanCheck {
  folder: string;
  request: string;
  /** The `pm.test` name, or `request` / `test-script` / `prerequest-script` for errors outside one. */
  check: string;
  passed: boolean;
  error?: string;
  /** Set when the failure is a documented deviation of the reference server, not a Roster bug. */
  exception?: KnownException;
}

export interface PostmanRequestResult {
  folder: string;
  request: string;
  method?: string;
  status?: number;
  checks: PostmanCheck[];
}

export interface MicrosoftRunResult {
  requests: PostmanRequestResult[];
  passed: number;
  /** Failures no known exception explains. */
  failed: number;
  excepted: number;
  failures: PostmanCheck[];
  exceptions: PostmanCheck[];
}

/** The collection's environment: `{{Protocol}}://{{Server}}{{Port}}/{{Api}}/Users` must be the SCIM base + `/Users`. */
export function newmanEnvironment(scimBaseUrl: string, token: string): NewmanVariable[] {
  const url = new URL(scimBaseUrl);
  return [
    { key: 'Protocol', value: url.protocol.replace(/:$/, '') },
    { key: 'Server', value: url.hostname },
    { key: 'Port', value: url.port === '' ? '' : `:${url.port}` },
    { key: 'Api', value: url.pathname.replace(/^\/+|\/+$/g, '') },
    { key: 'token', value: token },
  ];
}

function runNewman(collection: unknown, envVar: NewmanVariable[], folder: string[]): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run({ collection, envVar, folder, timeoutRequest: 30_000, timeoutScript: 5_000 }, (error, summary) => {
      if (error) reject(error);
      else resolve(summary);
    });
  });
}

function toRequestResult(execution: NewmanExecution, variable: (name: string) => string | undefined): PostmanRequestResult {
  const folder = execution.item.parent()?.name ?? '';
  const request = execution.item.name;
  const checks: PostmanCheck[] = [];
  const add = (check: string, error: { name?: string; message?: string } | undefined) => {
    if (error === undefined) {
      checks.push({ folder, request, check, passed: true });
      return;
    }
    const message = error.message ?? error.name ?? 'failed';
    const failure: PostmanCheck = { folder, request, check, passed: false, error: message };
    const exception = findKnownException({ folder, request, check, error: message });
    checks.push(exception ? { ...failure, exception } : failure);
    if (exception?.instead) {
      const body = execution.response?.text() ?? '';
      const status = execution.response?.code;
      const problem = exception.instead.verify({ body, ...(status === undefined ? {} : { status }) }, variable);
      const name = `Roster: ${exception.instead.name}`;
      checks.push(problem === undefined ? { folder, request, check: name, passed: true } : { folder, request, check: name, passed: false, error: problem });
    }
  };
  if (execution.requestError) add('request', execution.requestError);
  for (const script of execution.prerequestScript ?? []) add('prerequest-script', script.error);
  for (const assertion of execution.assertions ?? []) if (!assertion.skipped) add(assertion.assertion, assertion.error);
  // A script that throws outside `pm.test` (e.g. `pm.response.json()` on a non-JSON body) stops its later tests.
  for (const script of execution.testScript ?? []) add('test-script', script.error);
  return {
    folder,
    request,
    ...(execution.request ? { method: execution.request.method } : {}),
    ...(execution.response ? { status: execution.response.code } : {}),
    checks,
  };
}

/** Stands in for the excused `/serviceConfiguration` checks: the standard endpoint must say PATCH is supported. */
async function checkServiceProviderConfig(scimBaseUrl: string, token: string): Promise<PostmanRequestResult> {
  const folder = 'Endpoint tests (Roster, standard path)';
  const request = 'Get /ServiceProviderConfig';
  const check = (name: string, error: string | undefined): PostmanCheck =>
    error === undefined ? { folder, request, check: name, passed: true } : { folder, request, check: name, passed: false, error };
  try {
    const response = await sendRequest({
      method: 'GET',
      url: `${scimBaseUrl.replace(/\/+$/, '')}/ServiceProviderConfig`,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json' },
    });
    let supported: unknown;
    try {
      const body: unknown = JSON.parse(response.text);
      const patch = typeof body === 'object' && body !== null && 'patch' in body ? body.patch : undefined;
      supported = typeof patch === 'object' && patch !== null && 'supported' in patch ? patch.supported : undefined;
    } catch {
      supported = undefined;
    }
    return {
      folder,
      request,
      method: 'GET',
      status: response.status,
      checks: [
        check('Status code is 200', response.status === 200 ? undefined : `expected 200 but got ${response.status}`),
        check('patch.supported is true', supported === true ? undefined : `expected true but got ${JSON.stringify(supported)}`),
      ],
    };
  } catch (error) {
    return { folder, request, method: 'GET', checks: [check('request', error instanceof Error ? error.message : String(error))] };
  }
}

export interface MicrosoftCollectionOptions {
  conformanceDir: string;
  /** An empty directory's SCIM base URL and bearer secret. */
  scimBaseUrl: string;
  token: string;
  folders?: readonly string[];
}

/** Runs Microsoft's collection with newman and sorts every failed check into a bug or a known exception. */
export async function runMicrosoftCollection(options: MicrosoftCollectionOptions): Promise<MicrosoftRunResult> {
  const collection: unknown = JSON.parse(await readFile(join(options.conformanceDir, MICROSOFT_COLLECTION_FILE), 'utf8'));
  const summary = await runNewman(collection, newmanEnvironment(options.scimBaseUrl, options.token), [...(options.folders ?? MICROSOFT_FOLDERS)]);
  // The environment as the run left it: ids the collection's scripts stored (`id4`, ...).
  const variable = (name: string) => {
    const value = summary.environment?.get(name);
    return value === undefined || value === null ? undefined : String(value);
  };
  const requests = summary.run.executions.map((execution) => toRequestResult(execution, variable));
  if (summary.run.error) {
    const message = summary.run.error.message ?? 'newman aborted the run';
    requests.push({ folder: '', request: 'newman', checks: [{ folder: '', request: 'newman', check: 'run', passed: false, error: message }] });
  }
  requests.push(await checkServiceProviderConfig(options.scimBaseUrl, options.token));

  const checks = requests.flatMap((request) => request.checks);
  const failures = checks.filter((check) => !check.passed && check.exception === undefined);
  const exceptions = checks.filter((check) => !check.passed && check.exception !== undefined);
  return {
    requests,
    passed: checks.filter((check) => check.passed).length,
    failed: failures.length,
    excepted: exceptions.length,
    failures,
    exceptions,
  };
}
