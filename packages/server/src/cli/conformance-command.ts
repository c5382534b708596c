import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { CONFORMANCE_DATA_HELP, locateConformanceDir } from '../conformance/conformance-dir.js';
import { conformanceCommand as runConformanceCommand } from '../conformance/run-conformance.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';
import { configOrExit, exitWith } from './config-or-exit.js';

interface Options {
  url?: string;
  clientId?: string;
  clientSecret?: string;
  conformanceDir?: string;
  json?: boolean;
}

export function conformanceCommand(): Command {
  return new Command('conformance')
    .description("run Okta's SCIM 2.0 spec test and Microsoft's SCIM Postman collection against a Roster (the suites are third-party files kept outside the repository: see --conformance-dir)")
    .option('--url <url>', 'base URL of a running Roster (default: start one on a throwaway embedded store, or on DATABASE_URL)')
    .option('--client-id <id>', 'API client id of that Roster')
    .option('--client-secret <secret>', 'API client secret of that Roster')
    .option('--conformance-dir <dir>', 'the folder holding okta/Okta-SCIM-20-SPEC-Test.json and microsoft/PostmanCollection.json (default: ROSTER_CONFORMANCE_DIR, else ../shared/conformance beside the repository)')
    .option('--json', 'print the structured summary as JSON too')
    .action(async (options: Options) => {
      // Before anything starts: where the suites come from, or what to pass when they are not there.
      const located = locateConformanceDir(options.conformanceDir);
      if (!located.found) exitWith(`Cannot run the conformance suites: ${located.reason}.\n${CONFORMANCE_DATA_HELP}`);
      process.stdout.write(`Conformance data: ${located.dir}\n`);
      const common = { conformanceDir: located.dir, ...(options.json ? { json: true } : {}) };
      if (options.url) {
        if (!options.clientId || !options.clientSecret) exitWith('--url needs --client-id and --client-secret of an API client of that server');
        process.exit(await runConformanceCommand({ url: options.url, clientId: options.clientId, clientSecret: options.clientSecret, ...common }));
      }
      const clientId = `conformance_${randomBytes(4).toString('hex')}`;
      const clientSecret = randomBytes(24).toString('base64url');
      const config = configOrExit({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ROSTER_CLIENT_ID: clientId, ROSTER_CLIENT_SECRET: clientSecret });
      const server = await startServer({ config, logger: createLogger(config.LOG_LEVEL), dataDir: 'memory://' });
      try {
        process.exitCode = await runConformanceCommand({ url: server.url, clientId, clientSecret, ...common });
      } finally {
        await server.close();
      }
    });
}
