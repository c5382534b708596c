import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRunscopeScript, type ScriptInput } from './runscope-script.js';

// The one script of Okta's spec test ("Optional Test: Verify Groups endpoint"), verbatim.
const OKTA_GROUPS_SCRIPT =
  'var data = JSON.parse(response.body);\nvar max = data.totalResults;\nvar res = data.Resources;\nvar exists = false;\n\nif (max === 0)\n\tassert("nogroups", "No Groups found in the endpoint");\nelse if (max >= 1 && Array.isArray(res)) {\n    exists = true;\n    assert.ok(exists, "Resources is of type Array");\n\tlog(exists);\n}';

const input = (body: unknown, variables: Record<string, string> = {}): ScriptInput => ({
  request: { method: 'GET', url: 'http://127.0.0.1/Groups', headers: {}, body: '' },
  response: { status: 200, headers: {}, body: JSON.stringify(body), response_time: 5, size: 10 },
  variables,
});

test('Okta groups script: an empty directory passes with its "no groups" assertion', () => {
  const outcome = runRunscopeScript(OKTA_GROUPS_SCRIPT, input({ totalResults: 0, Resources: [] }), 'script 1');
  assert.deepEqual(outcome.checks, [{ description: 'script 1: No Groups found in the endpoint', passed: true }]);
});

test('Okta groups script: groups present must come as a Resources array', () => {
  const outcome = runRunscopeScript(OKTA_GROUPS_SCRIPT, input({ totalResults: 2, Resources: [{}, {}] }), 'script 1');
  assert.deepEqual(outcome.checks, [{ description: 'script 1: Resources is of type Array', passed: true }]);
  assert.deepEqual(outcome.logs, ['true']);
});

test('Okta groups script: a non-JSON body fails the script with the parse error', () => {
  const outcome = runRunscopeScript(OKTA_GROUPS_SCRIPT, { ...input({}), response: { ...input({}).response, body: 'oops' } }, 'script 1');
  assert.equal(outcome.checks.length, 1);
  assert.equal(outcome.checks[0]?.passed, false);
  assert.match(outcome.checks[0]?.message ?? '', /SyntaxError/);
});

const cases: [string, string, { passed: boolean[]; message?: RegExp }][] = [
  ['failing assert is a failed check', 'assert.equal(response.status, 201, "created")', { passed: [false] }],
  ['asserts after a failure do not run (Chai throws)', 'assert.isTrue(false); assert.ok(true)', { passed: [false] }],
  ['deepEqual compares structure', 'assert.deepEqual(JSON.parse(response.body), {a:[1]})', { passed: [true] }],
  ['include on arrays and strings', 'assert.include([1,2], 2); assert.include("abc", "b")', { passed: [true, true] }],
  ['a script without asserts passes when it runs', 'var x = 1;', { passed: [true] }],
  ['a script may declare its own `response`', 'var response = 1; assert.equal(response, 1)', { passed: [true] }],
  ['unknown Chai method fails clearly', 'assert.closeTo(1, 1, 0.1)', { passed: [false], message: /TypeError/ }],
  ['syntax error is reported', 'if (', { passed: [false], message: /SyntaxError/ }],
  ['no process', 'process.exit(1)', { passed: [false], message: /ReferenceError/ }],
  ['no require', 'require("fs")', { passed: [false], message: /ReferenceError/ }],
  ['no code generation from strings', 'this.constructor.constructor("return process")()', { passed: [false], message: /EvalError|TypeError/ }],
  ['no escape through a provided function', 'log.constructor("return process")()', { passed: [false], message: /EvalError/ }],
  ['no eval', 'eval("1")', { passed: [false], message: /EvalError/ }],
  ['an endless loop is stopped', 'for (;;) {}', { passed: [false], message: /timed out/ }],
];

for (const [name, source, expected] of cases) {
  test(`runRunscopeScript: ${name}`, () => {
    const outcome = runRunscopeScript(source, input({ a: [1] }), 'script 1');
    assert.deepEqual(outcome.checks.map((check) => check.passed), expected.passed, JSON.stringify(outcome.checks));
    if (expected.message) assert.match(outcome.checks.at(-1)?.message ?? '', expected.message);
  });
}

test('runRunscopeScript: variables.get reads, variables.set writes text', () => {
  const outcome = runRunscopeScript('variables.set("next", variables.get("id") + "-" + 2)', input({}, { id: 'u1' }), 'script 1');
  assert.deepEqual(outcome.variables, { next: 'u1-2' });
});
