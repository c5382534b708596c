import { Command, Option } from 'commander';
import { provisionDirectory, type DirectoryProvider } from '../conformance/provision-directory.js';
import { exitWith } from './config-or-exit.js';
import { defaultRosterUrl } from './roster-url.js';

const PROVIDERS: DirectoryProvider[] = ['OKTA', 'AZURE_AD', 'GOOGLE', 'ONELOGIN', 'JUMPCLOUD', 'PING_IDENTITY', 'AUTHENTIK', 'OTHER'];

interface Options {
  url: string;
  clientId: string;
  clientSecret: string;
  organization: string;
  provider: DirectoryProvider;
  json?: boolean;
}

/**
 * `roster provision`: over HTTP, against a running Roster, what an app's backend does first —
 * an organization with SCIM on, a directory and its secret — printing what to paste into the IdP.
 */
export function provisionCommand(): Command {
  return new Command('provision')
    .description('create an organization with SCIM on, a SCIM directory and its secret on a running Roster (over HTTP)')
    .option('--url <url>', "Roster's base URL (default: ROSTER_URL, else http://localhost:$PORT)", defaultRosterUrl())
    .requiredOption('--client-id <id>', 'an API client id (env ROSTER_CLIENT_ID)', process.env.ROSTER_CLIENT_ID)
    .requiredOption('--client-secret <secret>', 'its secret (env ROSTER_CLIENT_SECRET)', process.env.ROSTER_CLIENT_SECRET)
    .option('--organization <name>', "the organization's display name", 'Example Inc')
    .addOption(new Option('--provider <provider>', 'the directory provider').choices(PROVIDERS).default('OKTA'))
    .option('--json', 'print the result as JSON')
    .action(async (options: Options) => {
      try {
        const directory = await provisionDirectory({
          baseUrl: options.url.replace(/\/+$/, ''),
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          provider: options.provider,
          organizationName: options.organization,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(directory, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          [
            `organization: ${directory.organizationId}`,
            `directory:    ${directory.directoryId}`,
            `SCIM URL:     ${directory.scimBaseUrl}`,
            `SCIM token:   ${directory.token}   (shown once)`,
            '',
            `Try it: npx roster simulate --provider okta --url ${directory.scimBaseUrl} --token <the token> --verify`,
            '',
          ].join('\n'),
        );
      } catch (error) {
        exitWith(error instanceof Error ? error.message : String(error));
      }
    });
}
