import type { PostmanRequestResult } from './microsoft-collection.js';
import type { StepResult } from './runscope-runner.js';

// Plain-text report lines: one per step or request, one per check under it, so a failing
// run reads top to bottom like the IdP's own test console.

const mark = (passed: boolean) => (passed ? 'PASS' : 'FAIL');

export function formatOktaStep(step: StepResult): string[] {
  if (step.skipped !== undefined) return [`  SKIP [${step.position}] ${step.title} (${step.skipped})`];
  const passed = step.checks.every((check) => check.passed);
  const outcome = step.error !== undefined ? `request failed: ${step.error}` : `${step.status} in ${step.timeMs} ms`;
  const lines = [`  ${mark(passed)} [${step.position}] ${step.title}`, `       ${step.method} ${step.url} -> ${outcome}`];
  for (const check of step.checks) {
    lines.push(`       ${mark(check.passed)} ${check.description}${check.passed ? '' : `: ${check.message ?? 'failed'}`}`);
  }
  for (const note of step.notes) lines.push(`       note: ${note}`);
  return lines;
}

export function formatMicrosoftRequests(requests: readonly PostmanRequestResult[]): string[] {
  const lines: string[] = [];
  let folder: string | undefined;
  for (const request of requests) {
    if (request.folder !== folder) {
      folder = request.folder;
      lines.push(`  ${folder}`);
    }
    const failed = request.checks.some((check) => !check.passed && check.exception === undefined);
    const excepted = request.checks.some((check) => !check.passed && check.exception !== undefined);
    const status = request.status === undefined ? '' : ` -> ${request.status}`;
    lines.push(`    ${failed ? 'FAIL' : excepted ? 'EXCP' : 'PASS'} ${request.request} (${request.method ?? '?'}${status})`);
    if (request.checks.length === 0) lines.push('         (no checks)');
    for (const check of request.checks) {
      if (check.passed) lines.push(`         PASS ${check.check}`);
      else if (check.exception) lines.push(`         EXCP ${check.check}: ${check.error} [known exception]`);
      else lines.push(`         FAIL ${check.check}: ${check.error}`);
    }
  }
  return lines;
}
