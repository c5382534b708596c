import type { SimulationSummary } from './run-simulation.js';

const number = (value: number) => value.toLocaleString('en-US');
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;

/** The summary a person reads at the end of `roster simulate`. */
export function formatSummary(summary: SimulationSummary, maxLines = 20): string {
  const lines: string[] = [];
  lines.push(`roster simulate: ${summary.provider}, ${summary.scenarios.map((entry) => entry.scenario).join(' + ')} (seed ${JSON.stringify(summary.seed)})`);
  for (const entry of summary.scenarios) {
    const changes = entry.changes ? `: ${Object.entries(entry.changes).map(([kind, count]) => `${count} ${kind}`).join(', ')}` : '';
    lines.push(`  ${entry.scenario.padEnd(12)} ${number(entry.objects)} objects in ${seconds(entry.durationMillis)}${changes}`);
  }
  lines.push(`  objects      ${number(summary.objects)} in ${seconds(summary.durationMillis)} (${summary.objectsPerSecond} objects/s)`);
  const paced = summary.pacedRequestsPerSecond === null ? '' : `, paced to ${summary.pacedRequestsPerSecond} req/s`;
  lines.push(`  requests     ${number(summary.requests)} (${summary.requestsPerSecond} req/s${paced}), ${number(summary.retries)} retried after 429`);
  lines.push(`  latency      p50 ${summary.latencyMillis.p50} ms, p99 ${summary.latencyMillis.p99} ms, max ${summary.latencyMillis.max} ms`);
  const errors = Object.entries(summary.errorsByStatus);
  lines.push(`  errors       ${errors.length ? errors.map(([status, count]) => `${status}: ${number(count)}`).join(', ') : 'none'}${summary.unexpectedResponses ? ` (${number(summary.unexpectedResponses)} unexpected)` : ''}`);
  for (const failure of summary.failedRequests.slice(0, maxLines)) lines.push(`    ${failure.method} ${failure.path} -> ${failure.status}: ${failure.detail}`);
  if (summary.failedObjects.length) {
    lines.push(`  failed       ${number(summary.failedObjects.length)} objects`);
    for (const failure of summary.failedObjects.slice(0, maxLines)) lines.push(`    ${failure.object}: ${failure.error}`);
  }
  if (summary.verify) {
    const verify = summary.verify;
    if (verify.error) lines.push(`  verify       could not read the directory back: ${verify.error}`);
    else if (verify.ok) lines.push(`  verify       OK: the server holds exactly the ${number(verify.users)} users and ${number(verify.groups)} groups pushed`);
    else {
      lines.push(`  verify       ${number(verify.differences.length)} differences (server: ${number(verify.users)} users, ${number(verify.groups)} groups)`);
      for (const difference of verify.differences.slice(0, maxLines)) lines.push(`    ${difference.resource} ${difference.name}${difference.id ? ` (${difference.id})` : ''} ${difference.problem}`);
      if (verify.differences.length > maxLines) lines.push(`    ... and ${number(verify.differences.length - maxLines)} more`);
    }
  }
  lines.push(summary.ok ? 'OK' : 'FAILED');
  return `${lines.join('\n')}\n`;
}
