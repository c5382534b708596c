import vm from 'node:vm';
import type { CheckResult } from './runscope-assertion.js';

// Runscope post-response scripts are JavaScript with `request`, `response`, `variables`,
// `assert` (Chai's assert API) and `log` in scope. They run here in a fresh V8 context that
// holds only those names, built from JSON inside the context: no host object (and so no
// path to `process` or `require`) is reachable, string code generation (eval, Function) is
// off, and every entry into the context has a time limit. Chai's assert is reproduced for
// the common methods; a script using anything else fails with a ReferenceError or TypeError
// that the report shows.

const TIME_LIMIT_MS = 1000;

export interface ScriptInput {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response: { status: number; headers: Record<string, string>; body: string; response_time: number; size: number };
  variables: Record<string, string>;
}

export interface ScriptOutcome {
  checks: CheckResult[];
  /** Variables the script set with `variables.set`. */
  variables: Record<string, string>;
  logs: string[];
}

// Everything the script sees is a property of the global object, not a lexical binding, so a
// script that declares `var response` itself still compiles.
const PRELUDE = String.raw`
(() => {
'use strict';
const __out = { asserts: [], variables: {}, logs: [] };
const __input = JSON.parse(globalThis.__inputJson);
delete globalThis.__inputJson;
globalThis.__collect = () => JSON.stringify(__out);
globalThis.request = __input.request;
globalThis.response = __input.response;
globalThis.variables = {
  get(name) { return Object.prototype.hasOwnProperty.call(__out.variables, name) ? __out.variables[name] : __input.variables[name]; },
  set(name, value) { __out.variables[String(name)] = String(value); },
};
const __show = (value) => { try { return JSON.stringify(value); } catch { return String(value); } };
globalThis.log = function log(...args) { __out.logs.push(args.map((a) => typeof a === 'string' ? a : __show(a)).join(' ')); };
function __check(passed, message, fallback) {
  __out.asserts.push({ passed: Boolean(passed), message: message === undefined ? fallback : String(message) });
  if (!passed) { const error = new Error(message === undefined ? fallback : String(message)); error.name = 'AssertionError'; throw error; }
}
const __deepEqual = (a, b) => __show(a) === __show(b);
const __includes = (haystack, needle) =>
  typeof haystack === 'string' ? haystack.includes(String(needle)) : Array.isArray(haystack) ? haystack.some((e) => __deepEqual(e, needle)) : false;
function assert(value, message) { __check(value, message, 'expected ' + __show(value) + ' to be truthy'); }
Object.assign(assert, {
  ok: (v, m) => __check(v, m, 'expected ' + __show(v) + ' to be truthy'),
  isOk: (v, m) => __check(v, m, 'expected ' + __show(v) + ' to be truthy'),
  notOk: (v, m) => __check(!v, m, 'expected ' + __show(v) + ' to be falsy'),
  isNotOk: (v, m) => __check(!v, m, 'expected ' + __show(v) + ' to be falsy'),
  equal: (a, b, m) => __check(a == b, m, 'expected ' + __show(a) + ' to equal ' + __show(b)),
  notEqual: (a, b, m) => __check(a != b, m, 'expected ' + __show(a) + ' to not equal ' + __show(b)),
  strictEqual: (a, b, m) => __check(a === b, m, 'expected ' + __show(a) + ' to strictly equal ' + __show(b)),
  notStrictEqual: (a, b, m) => __check(a !== b, m, 'expected ' + __show(a) + ' to not strictly equal ' + __show(b)),
  deepEqual: (a, b, m) => __check(__deepEqual(a, b), m, 'expected ' + __show(a) + ' to deeply equal ' + __show(b)),
  notDeepEqual: (a, b, m) => __check(!__deepEqual(a, b), m, 'expected ' + __show(a) + ' to not deeply equal ' + __show(b)),
  isTrue: (v, m) => __check(v === true, m, 'expected ' + __show(v) + ' to be true'),
  isFalse: (v, m) => __check(v === false, m, 'expected ' + __show(v) + ' to be false'),
  isNull: (v, m) => __check(v === null, m, 'expected ' + __show(v) + ' to be null'),
  isNotNull: (v, m) => __check(v !== null, m, 'expected value to not be null'),
  isUndefined: (v, m) => __check(v === undefined, m, 'expected ' + __show(v) + ' to be undefined'),
  isDefined: (v, m) => __check(v !== undefined, m, 'expected value to be defined'),
  isArray: (v, m) => __check(Array.isArray(v), m, 'expected ' + __show(v) + ' to be an array'),
  isNotArray: (v, m) => __check(!Array.isArray(v), m, 'expected ' + __show(v) + ' to not be an array'),
  isObject: (v, m) => __check(typeof v === 'object' && v !== null && !Array.isArray(v), m, 'expected ' + __show(v) + ' to be an object'),
  isString: (v, m) => __check(typeof v === 'string', m, 'expected ' + __show(v) + ' to be a string'),
  isNumber: (v, m) => __check(typeof v === 'number', m, 'expected ' + __show(v) + ' to be a number'),
  isBoolean: (v, m) => __check(typeof v === 'boolean', m, 'expected ' + __show(v) + ' to be a boolean'),
  typeOf: (v, t, m) => __check((Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v) === t, m, 'expected ' + __show(v) + ' to be of type ' + t),
  include: (h, n, m) => __check(__includes(h, n), m, 'expected ' + __show(h) + ' to include ' + __show(n)),
  notInclude: (h, n, m) => __check(!__includes(h, n), m, 'expected ' + __show(h) + ' to not include ' + __show(n)),
  lengthOf: (v, n, m) => __check(v != null && v.length === n, m, 'expected ' + __show(v) + ' to have length ' + n),
  property: (o, p, m) => __check(o != null && typeof o === 'object' && p in o, m, 'expected ' + __show(o) + ' to have property ' + p),
  fail: (m) => __check(false, m, 'assert.fail()'),
});
globalThis.assert = assert;
})();
`;

/** Runs one Runscope script; each `assert` it makes becomes a check, an uncaught error one failed check. */
export function runRunscopeScript(source: string, input: ScriptInput, label: string): ScriptOutcome {
  const sandbox: Record<string, unknown> = Object.create(null);
  sandbox['__inputJson'] = JSON.stringify(input);
  const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(PRELUDE, context, { timeout: TIME_LIMIT_MS });

  let thrown: string | undefined;
  try {
    new vm.Script(source, { filename: `${label}.js` }).runInContext(context, { timeout: TIME_LIMIT_MS });
  } catch (error) {
    thrown = describeThrown(error, context);
  }

  const out = JSON.parse(String(vm.runInContext('__collect()', context, { timeout: TIME_LIMIT_MS }))) as {
    asserts: { passed: boolean; message: string }[];
    variables: Record<string, string>;
    logs: string[];
  };
  const checks: CheckResult[] = out.asserts.map((a) =>
    a.passed ? { description: `${label}: ${a.message}`, passed: true } : { description: `${label}: ${a.message}`, passed: false, message: 'assertion failed' },
  );
  const failedByAssert = out.asserts.some((a) => !a.passed);
  if (thrown !== undefined && !failedByAssert) checks.push({ description: `${label} ran`, passed: false, message: thrown });
  if (thrown === undefined && checks.length === 0) checks.push({ description: `${label} ran`, passed: true });
  return { checks, variables: out.variables, logs: out.logs };
}

// A value thrown inside the context belongs to that context: it is only looked at from
// inside, under the time limit, and comes back as a string.
function describeThrown(error: unknown, context: vm.Context): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`; // a host error: syntax or timeout
  (context as Record<string, unknown>)['__thrown'] = error;
  try {
    return String(
      vm.runInContext(
        `(() => { try { const e = __thrown; return e instanceof Error ? e.name + ': ' + e.message : String(e); } catch { return 'an unprintable value'; } })()`,
        context,
        { timeout: TIME_LIMIT_MS },
      ),
    );
  } catch {
    return 'the script threw an unprintable value';
  }
}
