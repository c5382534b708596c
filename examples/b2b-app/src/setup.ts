import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSettingsFile, rosterUrlFrom, SETTINGS_FILE } from './config.js';
import { rosterClient } from './roster-client.js';
import { PROVIDERS, setupRoster } from './setup-roster.js';

// `npm run setup -w b2b-app-example`: prepares a running Roster for the sample app and writes
// the app's settings to examples/b2b-app/.env.

const HELP = `Usage: npm run setup -w b2b-app-example -- [options]

Against a running Roster: creates (or finds) an organization with SCIM on, its directory, a SCIM
secret, the roles admin and member (the default), and the app's webhook endpoint; writes the
app's settings to examples/b2b-app/.env and prints the simulator command.

Options:
  --roster-url <url>      Roster's URL (ROSTER_URL, else http://localhost:$PORT, else http://localhost:8080)
  --client-id <id>        API client id (ROSTER_CLIENT_ID)
  --client-secret <s>     API client secret (ROSTER_CLIENT_SECRET)
  --app-url <url>         where the app listens (APP_URL, default http://localhost:3000)
  --organization <name>   the customer organization (default "Acme Inc")
  --external-id <id>      its id in the app (default acme)
  --provider <name>       simulator profile: ${Object.keys(PROVIDERS).join(', ')} (default okta)
  -h, --help`;

const envFile = SETTINGS_FILE;
loadSettingsFile();

const { values } = parseArgs({
  options: {
    'roster-url': { type: 'string', default: rosterUrlFrom() },
    'client-id': { type: 'string', default: process.env.ROSTER_CLIENT_ID ?? '' },
    'client-secret': { type: 'string', default: process.env.ROSTER_CLIENT_SECRET ?? '' },
    'app-url': { type: 'string', default: process.env.APP_URL ?? 'http://localhost:3000' },
    organization: { type: 'string', default: 'Acme Inc' },
    'external-id': { type: 'string', default: 'acme' },
    provider: { type: 'string', default: 'okta' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values['client-id'] || !values['client-secret']) {
  console.error('error: the API client is missing: pass --client-id and --client-secret, or set ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET\n' +
    '(the ones Roster was started with, or a client created in its dashboard)');
  process.exit(1);
}

const rosterUrl = values['roster-url'].replace(/\/+$/, '');
const appUrl = new URL(values['app-url']);
const config = { rosterUrl, clientId: values['client-id'], clientSecret: values['client-secret'] };
try {
  const result = await setupRoster(rosterClient(config), {
    organizationName: values.organization,
    externalId: values['external-id'],
    provider: values.provider,
    webhookUrl: new URL('/webhooks/roster', appUrl).toString(),
  });
  const env = {
    ROSTER_URL: rosterUrl,
    ROSTER_CLIENT_ID: config.clientId,
    ROSTER_CLIENT_SECRET: config.clientSecret,
    ROSTER_WEBHOOK_SECRET: result.webhookSecret,
    ROSTER_ORGANIZATION_ID: result.organizationId,
    ROSTER_DIRECTORY_ID: result.directoryId,
    APP_PORT: appUrl.port || (appUrl.protocol === 'https:' ? '443' : '80'),
  };
  const lines = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  writeFileSync(envFile, `# Written by \`npm run setup -w b2b-app-example\` on ${new Date().toISOString()}\n${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`Organization ${result.organizationId} (${values.organization}, external id ${values['external-id']}), SCIM on
Directory    ${result.directoryId}: SCIM base URL ${result.scimUrl}
Roles        admin, member (the default role)
Webhook      ${result.webhookId} -> ${new URL('/webhooks/roster', appUrl).toString()}

Wrote the app's settings to ${envFile}:
  ${lines.filter((line) => !line.startsWith('ROSTER_CLIENT_SECRET') && !line.startsWith('ROSTER_WEBHOOK_SECRET')).join('\n  ')}
  (and ROSTER_CLIENT_SECRET, ROSTER_WEBHOOK_SECRET)

Next, from the repository root:
  npm start -w b2b-app-example         # the app, then open ${appUrl.origin}/
  npx roster simulate --provider ${values.provider} --users 50 --groups 8 \\
    --url ${result.scimUrl} \\
    --token ${result.scimToken}`);
} catch (error) {
  console.error(`error: setup failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && 'kind' in error && error.kind === 'connection') console.error(`is Roster running at ${rosterUrl}?`);
  process.exit(1);
}
