// newman ships no typings and @types/newman is not a dependency: this declares the part of its
// Node API the Microsoft conformance run uses (newman 6: lib/run/index.js and summary.js).
declare module 'newman' {
  import type { EventEmitter } from 'node:events';

  export interface NewmanVariable {
    key: string;
    value: string;
  }

  export interface NewmanRunOptions {
    /** A collection JSON object (or a path / URL, unused here). */
    collection: unknown;
    envVar?: NewmanVariable[];
    globalVar?: NewmanVariable[];
    /** A folder name, or several, run in collection order. */
    folder?: string | string[];
    reporters?: string | string[];
    timeoutRequest?: number;
    timeoutScript?: number;
    insecure?: boolean;
    ignoreRedirects?: boolean;
    bail?: boolean;
  }

  export interface NewmanError {
    name?: string;
    message?: string;
    test?: string;
  }

  export interface NewmanItemGroup {
    name?: string;
  }

  export interface NewmanItem {
    id: string;
    name: string;
    parent(): NewmanItemGroup | undefined;
  }

  export interface NewmanResponse {
    code: number;
    status?: string;
    text(): string;
  }

  export interface NewmanExecution {
    item: NewmanItem;
    request?: { method: string; url: { toString(): string } };
    response?: NewmanResponse;
    requestError?: NewmanError;
    assertions?: { assertion: string; skipped?: boolean; error?: NewmanError }[];
    testScript?: { error: NewmanError }[];
    prerequestScript?: { error: NewmanError }[];
  }

  export interface NewmanRunSummary {
    environment?: { get(key: string): unknown };
    run: {
      executions: NewmanExecution[];
      failures: { error: NewmanError; at: string; source?: NewmanItem }[];
      error?: NewmanError | null;
    };
  }

  export function run(options: NewmanRunOptions, callback?: (error: Error | null, summary: NewmanRunSummary) => void): EventEmitter;

  const newman: { run: typeof run };
  export default newman;
}
