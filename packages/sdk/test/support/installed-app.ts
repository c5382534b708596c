// The files of a fresh app that installs @roster/sdk from its packed tarball, outside the workspace,
// as an app's developer would. Kept as text: they are compiled and run in that app, not here.

/**
 * The README's calls under plain `node`: a client, organization settings, the directory list, and a
 * real webhook delivery checked with verifyWebhookPayload. Prints one JSON line of what it saw.
 */
export const APP_MJS = `
import { createServer } from 'node:http';
import { Roster, NotFoundError, verifyWebhookPayload, WebhookVerificationError } from '@roster/sdk';

const roster = new Roster(process.env.ROSTER_URL, process.env.ROSTER_CLIENT_ID, process.env.ROSTER_CLIENT_SECRET);

// A receiver for Roster's webhooks, checking each delivery against the raw body.
const deliveries = [];
let verified;
const delivered = new Promise((resolve) => {
  verified = resolve;
});
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks);
    deliveries.push({ headers: request.headers, body });
    response.statusCode = 204;
    response.end();
    verified();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));

const { organization } = await roster.organization.createOrganization('Installed app', { externalId: 'installed-' + Date.now() });
const webhook = await roster.webhooks.create({ url: 'http://127.0.0.1:' + receiver.address().port + '/webhooks/roster', organizationId: organization.id, eventTypes: ['organization.directory.created'] });
await roster.organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
await roster.directory.createDirectory(organization.id, { directoryProvider: 'OKTA' });
const { directories } = await roster.directory.listDirectories(organization.id);

await Promise.race([delivered, new Promise((_, reject) => setTimeout(() => reject(new Error('no webhook delivery within 60 s')), 60_000))]);
const [delivery] = deliveries;
const valid = verifyWebhookPayload(webhook.secret, delivery.headers, delivery.body);
let tamperedRefused = false;
try {
  verifyWebhookPayload(webhook.secret, delivery.headers, Buffer.concat([delivery.body, Buffer.from(' ')]));
} catch (error) {
  tamperedRefused = error instanceof WebhookVerificationError;
}
let notFound = false;
try {
  await roster.organization.getOrganization('org_doesnotexist');
} catch (error) {
  notFound = error instanceof NotFoundError;
}
receiver.close();
console.log(JSON.stringify({
  organizationId: organization.id,
  directories: directories.map((directory) => ({ id: directory.id, provider: directory.directory_provider, endpoint: directory.directory_endpoint })),
  event: JSON.parse(delivery.body.toString('utf8')).type,
  valid,
  tamperedRefused,
  notFound,
}));
`;

/** The same calls typed: compiled with `tsc --strict` against the installed declarations. */
export const APP_TS = `
import { Roster, RosterError, verifyWebhookPayload, type WebhookEvent, type WebhookHeaders } from '@roster/sdk';

export async function listEndpoints(url: string, clientId: string, clientSecret: string, organizationId: string): Promise<string[]> {
  const roster = new Roster(url, clientId, clientSecret, { retry: { maxRetries: 1 }, timeoutMs: 5_000 });
  await roster.organization.updateOrganizationSettings(organizationId, { features: [{ name: 'scim', enabled: true }] });
  const { directories } = await roster.directory.listDirectories(organizationId);
  const endpoints: string[] = directories.map((directory) => directory.directory_endpoint);
  for await (const user of roster.directory.iterateDirectoryUsers(organizationId, directories[0]?.id ?? '')) {
    const email: string | null | undefined = user.email;
    endpoints.push(String(email));
  }
  return endpoints;
}

/** A webhook body narrowed by its type. */
export function deprovisionedEmail(event: WebhookEvent): string | null {
  if (event.type === 'organization.directory.user_deleted') return event.data.email;
  return null;
}

export function isGenuine(secret: string, headers: WebhookHeaders, body: Uint8Array): boolean {
  try {
    return verifyWebhookPayload(secret, headers, body);
  } catch (error) {
    if (error instanceof RosterError) throw error;
    return false;
  }
}
`;

/** Calls the declarations must refuse: if these compile, the SDK's types are not real. */
export const MISUSE_TS = `
import { Roster, type WebhookEvent } from '@roster/sdk';

const roster = new Roster('http://localhost:8080', 'id', 'secret');
await roster.directory.listDirectories(42);
await roster.organization.updateOrganizationSettings('org_1', { features: [{ name: 'scim', enabled: 'yes' }] });
const { directories } = await roster.directory.listDirectories('org_1');
const port: number = directories[0]?.directory_endpoint;
export function groupEmail(event: WebhookEvent): string | null {
  return event.type === 'organization.directory.group_deleted' ? event.data.email : null;
}
export { port };
`;

export const TSCONFIG = {
  compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: ['node'] },
};
