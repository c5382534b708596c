import { Command, InvalidArgumentError, Option } from 'commander';
import { formatSummary } from './format-summary.js';
import { PROVIDER_NAMES, type ProviderName } from './providers/index.js';
import { runSimulation, SimulationAbortedError } from './run-simulation.js';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
import { simulateSource, type SourceName } from './sources/simulate-source.js';

/** Sources Roster pulls from: the simulator runs a local one instead of pushing over SCIM. */
const SOURCE_NAMES: SourceName[] = ['google', 'bamboohr'];

interface Options {
  provider: ProviderName | SourceName;
  port: number;
  host: string;
  rosterUrl?: string;
  clientId?: string;
  clientSecret?: string;
  organization: string;
  churnEvery?: number;
  once?: boolean;
  scenario: ScenarioName[];
  users: number;
  groups: number;
  changes?: number;
  seed: string;
  concurrency: number;
  rate?: number;
  memberBatch?: number;
  timeout: number;
  url?: string;
  token?: string;
  verify?: boolean;
  json?: boolean;
}

const whole = (minimum: number) => (value: string): number => {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < minimum) throw new InvalidArgumentError(`expected a whole number of at least ${minimum}`);
  return number;
};

function scenarios(value: string): ScenarioName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length) throw new InvalidArgumentError(`expected ${SCENARIO_NAMES.join(', ')} (comma-separated to run several in order)`);
  return names as ScenarioName[];
}

/** `roster simulate`: plays a directory provider against a SCIM endpoint. */
export function simulateCommand(): Command {
  return new Command('simulate')
    .description('play a directory provider (Okta, Entra ID, ...) against a SCIM endpoint: initial sync, churn, reconcile; --verify reads it back')
    .addOption(new Option('--provider <name>', 'whose request patterns to send; google and bamboohr run a local source Roster pulls from').choices([...PROVIDER_NAMES, ...SOURCE_NAMES]).default('generic'))
    .addOption(
      new Option('--scenario <names>', 'initial-sync, churn or reconcile; comma-separated to run several in order').argParser(scenarios).default(['initial-sync'], 'initial-sync'),
    )
    .addOption(new Option('--users <n>', 'people in an initial sync').argParser(whole(0)).default(100))
    .addOption(new Option('--groups <n>', 'groups in an initial sync').argParser(whole(0)).default(10))
    .addOption(new Option('--changes <n>', 'people who change in a churn (default: 10% of the directory)').argParser(whole(0)))
    .addOption(new Option('--seed <seed>', 'the same seed sends the same directory and the same changes').default('roster'))
    .addOption(new Option('--concurrency <n>', 'requests in flight at once').argParser(whole(1)).default(8))
    .addOption(new Option('--rate <n>', "requests a second at most (default: 80% of the rate the server advertises in RateLimit-Policy)").argParser(whole(1)))
    .addOption(new Option('--member-batch <n>', "member changes a request (default: the provider's own batching)").argParser(whole(1)))
    .addOption(new Option('--timeout <seconds>', 'time limit of each request (Okta: 60)').argParser(whole(1)).default(60))
    .addOption(new Option('--url <url>', "the directory's SCIM base URL, ending in /scim/v2").env('ROSTER_SCIM_URL'))
    .addOption(new Option('--token <token>', 'a secret of that directory').env('ROSTER_SCIM_TOKEN'))
    .option('--verify', 'read the directory back after the run and compare it with what was pushed')
    .addOption(new Option('--port <port>', 'google, bamboohr: the port the simulated source listens on (0: any free port)').argParser(whole(0)).default(0))
    .addOption(new Option('--host <host>', 'google, bamboohr: the interface it listens on').default('127.0.0.1'))
    .addOption(new Option('--roster-url <url>', "google, bamboohr: Roster's base URL, to create a directory on the source and wait for its first sync").env('ROSTER_URL'))
    .addOption(new Option('--client-id <id>', 'google, bamboohr: an API client of that Roster').env('ROSTER_CLIENT_ID'))
    .addOption(new Option('--client-secret <secret>', 'google, bamboohr: its secret').env('ROSTER_CLIENT_SECRET'))
    .addOption(new Option('--organization <name>', 'google, bamboohr: the organization to create').default('Simulated Inc'))
    .addOption(new Option('--churn-every <seconds>', 'google, bamboohr: change someone in the source every so often').argParser(whole(1)))
    .option('--once', 'google, bamboohr: stop after the first sync instead of serving until interrupted')
    .option('--json', 'print the summary as JSON (progress goes to stderr)')
    .addHelpText(
      'after',
      '\nA run that starts with churn or reconcile first imports what the directory holds.\n' +
        'Exit code: 0 when every request got the answer the provider expects (and --verify found no difference), 1 otherwise.\n\n' +
        'Example:\n  roster simulate --url http://localhost:8080/api/v1/directories/dir_.../scim/v2 --token <secret> \\\n' +
        '    --provider okta --scenario initial-sync,churn,reconcile --users 1000 --groups 40 --verify',
    )
    .action(async (options: Options, command: Command) => {
      if (options.provider === 'google' || options.provider === 'bamboohr') {
        const controller = new AbortController();
        process.once('SIGINT', () => controller.abort());
        process.once('SIGTERM', () => controller.abort());
        const result = await simulateSource(
          {
            source: options.provider,
            users: options.users,
            groups: options.groups,
            seed: options.seed,
            port: options.port,
            host: options.host,
            rosterUrl: options.rosterUrl,
            clientId: options.clientId,
            clientSecret: options.clientSecret,
            organization: options.organization,
            churnEverySeconds: options.churnEvery,
            once: options.once ?? false,
            out: options.json ? process.stderr : process.stdout,
          },
          controller.signal,
        );
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.exitCode = result.ok ? 0 : 1;
        return;
      }
      if (!options.url) command.error('error: the SCIM base URL is missing: pass --url or set ROSTER_SCIM_URL (Roster shows it as the directory endpoint)');
      if (!options.token) command.error('error: the directory secret is missing: pass --token or set ROSTER_SCIM_TOKEN');
      if (!/^https?:\/\//.test(options.url)) command.error(`error: --url must be an http(s) URL, got ${JSON.stringify(options.url)}`);
      const progress = options.json ? process.stderr : process.stdout;
      try {
        const summary = await runSimulation({
          url: options.url,
          token: options.token,
          provider: options.provider as ProviderName,
          scenarios: options.scenario,
          users: options.users,
          groups: options.groups,
          seed: options.seed,
          concurrency: options.concurrency,
          timeoutMillis: options.timeout * 1000,
          progress,
          ...(options.changes !== undefined ? { changes: options.changes } : {}),
          ...(options.rate !== undefined ? { rate: options.rate } : {}),
          ...(options.memberBatch !== undefined ? { memberBatchSize: options.memberBatch } : {}),
          ...(options.verify ? { verify: true } : {}),
        });
        if (options.json) {
          const { state: _state, ...printed } = summary;
          process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
        } else process.stdout.write(formatSummary(summary));
        process.exitCode = summary.ok ? 0 : 1;
      } catch (error) {
        if (!(error instanceof SimulationAbortedError)) throw error;
        process.stderr.write(`roster simulate: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}
