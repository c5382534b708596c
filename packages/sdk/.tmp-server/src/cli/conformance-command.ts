import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
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
    .description("run Okta's SCIM 2.0 spec test and Microsoft's SCIM Postman collection (from ../shared/conformance) against a Roster")
    .option('--url <url>', 'base URL of a running Roster (default: start one on a throwaway embedded store, or on DATABASE_URL)')
    .option('--client-id <id>', 'API client id of that Roster')
    .option('--client-secret <secret>', 'API client secret of that Roster')
    .option('--conformance-dir <dir>', 'where the suites are (default: ../shared/conformance from the repository root)')
    .option('--json', 'print the structured summary as JSON too')
    .action(async (options: Options) => {
      const common = { ...(options.conformanceDir ? { conformanceDir: options.conformanceDir } : {}), ...(options.json ? { json: true } : {}) };
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
