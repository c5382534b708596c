import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from './test-server.js';

/** The repository's root: SDKs live under sdks/<language>. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CommandResult {
  code: number;
  output: string;
}

/**
 * Runs one command to completion, streaming its output to this process's stderr (so a failing
 * SDK suite shows its own report in the test log) and keeping it for the assertion message.
 */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 900_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/**
 * Environment an SDK's own test suite reads to reach a live Roster: the server's base URL and
 * the bootstrap API client's credentials. SDK suites create their own organizations,
 * directories and SCIM data through the API and the SCIM endpoint.
 */
export function sdkTestEnvironment(server: TestServer): Record<string, string> {
  return {
    ROSTER_URL: server.baseUrl,
    ROSTER_CLIENT_ID: server.clientId,
    ROSTER_CLIENT_SECRET: server.clientSecret,
  };
}

/** A live Roster on the embedded store for an SDK suite (webhooks to loopback allowed, for the webhook tests). */
export function startSdkTestServer(): Promise<TestServer> {
  // The events settings are read from process.env (events/events-config.ts).
  process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
  return startTestServer({ store: 'embedded' });
}

export function sdkDirectory(language: string): string {
  const directory = `${REPO_ROOT}sdks/${language}`;
  if (!existsSync(directory)) throw new Error(`${directory} is missing`);
  return directory;
}
