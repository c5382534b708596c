import { sendRequest } from './http-exchange.js';
import { evaluateAssertion, extractVariable, type CheckResult, type ObservedResponse } from './runscope-assertion.js';
import { isRequestStep, type RunscopeRequestStep, type RunscopeTest } from './runscope-format.js';
import { runRunscopeScript, type ScriptInput } from './runscope-script.js';
import { substitute } from './template.js';

export interface StepResult {
  /** 1-based position of the step in the export, pauses included, so a report points into the file. */
  position: number;
  title: string;
  skipped?: string;
  method?: string;
  url?: string;
  status?: number;
  timeMs?: number;
  /** The request could not be made or got no response. */
  error?: string;
  checks: CheckResult[];
  /** Unresolved `{{variables}}`, variables a step could not extract, script logs. */
  notes: string[];
}

export interface RunscopeRunResult {
  name: string;
  steps: StepResult[];
  passed: number;
  failed: number;
  variables: Record<string, string>;
}

export interface RunscopeRunOptions {
  /** Initial variables (Runscope's environment). */
  variables: Record<string, string>;
  /** Called after each step, for live reporting. */
  onStep?: (step: StepResult) => void;
  timeoutMs?: number;
}

/**
 * Runs a Runscope API test: each request step in order, with `{{variables}}` resolved,
 * its assertions evaluated, variables extracted for later steps and scripts run. Pause steps
 * are skipped: they only gave Runscope's eventually consistent targets time to settle.
 */
export async function runRunscopeTest(test: RunscopeTest, options: RunscopeRunOptions): Promise<RunscopeRunResult> {
  const variables = new Map(Object.entries(options.variables));
  const steps: StepResult[] = [];
  for (const [index, step] of test.steps.entries()) {
    let result: StepResult;
    if (!isRequestStep(step)) {
      result = { position: index + 1, title: step.note ?? step.step_type, skipped: `${step.step_type} step`, checks: [], notes: [] };
    } else if (step.skipped === true) {
      result = { position: index + 1, title: stepTitle(step), skipped: 'marked skipped in the export', checks: [], notes: [] };
    } else {
      result = await runRequestStep(step, index + 1, variables, options.timeoutMs);
    }
    steps.push(result);
    options.onStep?.(result);
  }
  const checks = steps.flatMap((step) => step.checks);
  const passed = checks.filter((check) => check.passed).length;
  return { name: test.name, steps, passed, failed: checks.length - passed, variables: Object.fromEntries(variables) };
}

function stepTitle(step: RunscopeRequestStep): string {
  return step.note?.trim() || `${step.method} ${step.url}`;
}

async function runRequestStep(
  step: RunscopeRequestStep,
  position: number,
  variables: Map<string, string>,
  timeoutMs: number | undefined,
): Promise<StepResult> {
  const notes: string[] = [];
  const resolve = (template: string) => {
    const { text, missing } = substitute(template, variables);
    for (const name of missing) {
      const note = `variable {{${name}}} is not defined`;
      if (!notes.includes(note)) notes.push(note);
    }
    return text;
  };

  const checks: CheckResult[] = [];
  const before = step.before_scripts.filter((source) => source.trim() !== '');
  for (const [i, source] of before.entries()) {
    const outcome = runRunscopeScript(source, scriptInput(step, undefined, variables), `before-script ${i + 1}`);
    applyScriptOutcome(outcome, variables, checks, notes);
  }

  // The note is only a label: a placeholder it cannot resolve (Okta's says `{{id}}`) is not worth a note.
  const title = substitute(stepTitle(step), variables).text;
  const method = step.method.toUpperCase();
  const url = resolve(step.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    headers[name] = resolve(Array.isArray(value) ? value.join(', ') : value);
  }
  const body = step.body === null || step.body === undefined || step.body === '' ? undefined : resolve(step.body);

  let response: ObservedResponse;
  try {
    response = await sendRequest({ method, url, headers, ...(body === undefined ? {} : { body }), ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const assertion of step.assertions) {
      const check = evaluateAssertion(assertion, { status: 0, headers: {}, text: '', timeMs: 0 }, variables);
      checks.push({ description: check.description, passed: false, message: `request failed: ${message}` });
    }
    return { position, title, method, url, error: message, checks, notes };
  }

  for (const assertion of step.assertions) checks.push(evaluateAssertion(assertion, response, variables));

  for (const variable of step.variables) {
    const value = extractVariable(variable.source, variable.property, response);
    if (value === undefined) notes.push(`could not extract {{${variable.name}}} from ${variable.source} ${variable.property ?? ''}`.trim());
    else variables.set(variable.name, value);
  }

  const scripts = step.scripts.filter((source) => source.trim() !== '');
  for (const [i, source] of scripts.entries()) {
    const input = scriptInput(step, { method, url, headers, body: body ?? '' }, variables, response);
    applyScriptOutcome(runRunscopeScript(source, input, `script ${i + 1}`), variables, checks, notes);
  }

  return { position, title, method, url, status: response.status, timeMs: response.timeMs, checks, notes };
}

function scriptInput(
  step: RunscopeRequestStep,
  sent: ScriptInput['request'] | undefined,
  variables: Map<string, string>,
  response?: ObservedResponse,
): ScriptInput {
  return {
    request: sent ?? { method: step.method, url: step.url, headers: {}, body: step.body ?? '' },
    response: response
      ? { status: response.status, headers: response.headers, body: response.text, response_time: response.timeMs, size: Buffer.byteLength(response.text) }
      : { status: 0, headers: {}, body: '', response_time: 0, size: 0 },
    variables: Object.fromEntries(variables),
  };
}

function applyScriptOutcome(
  outcome: ReturnType<typeof runRunscopeScript>,
  variables: Map<string, string>,
  checks: CheckResult[],
  notes: string[],
): void {
  checks.push(...outcome.checks);
  for (const [name, value] of Object.entries(outcome.variables)) variables.set(name, value);
  for (const line of outcome.logs) notes.push(`log: ${line}`);
}
