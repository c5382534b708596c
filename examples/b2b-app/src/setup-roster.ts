import { ConflictError, NotFoundError, type DirectoryProvider, type Roster } from '@roster/sdk';

// What an app's backend does once per customer, and once for itself, against Roster: an
// organization with SCIM on, its directory and a SCIM secret for the IdP, the app's roles, and
// the app's webhook endpoint. Safe to run again: it finds what exists and makes new secrets.

/** Simulator profiles (roster simulate --provider) and the directory provider each stands for. */
export const PROVIDERS: Record<string, DirectoryProvider> = {
  okta: 'OKTA',
  'okta-aiw': 'OKTA',
  entra: 'AZURE_AD',
  'entra-aadOptscim062020': 'AZURE_AD',
  onelogin: 'ONELOGIN',
  jumpcloud: 'JUMPCLOUD',
  authentik: 'AUTHENTIK',
  generic: 'OTHER',
};

/** The events the app applies (see apply-event.ts). */
export const SUBSCRIBED_EVENTS = [
  'organization.directory.user_created',
  'organization.directory.user_updated',
  'organization.directory.user_deleted',
  'organization.directory.group_created',
  'organization.directory.group_updated',
  'organization.directory.group_deleted',
  'organization.directory.deleted',
];

/** The app's roles: admins manage the account; everyone else is a member (the default role). */
const ROLES = [
  { name: 'admin', displayName: 'Admin', permissions: ['users:manage', 'billing:manage', 'projects:write', 'projects:read'] },
  { name: 'member', displayName: 'Member', permissions: ['projects:write', 'projects:read'], isDefault: true },
];

export interface SetupOptions {
  organizationName: string;
  externalId: string;
  /** A simulator profile name (a key of PROVIDERS). */
  provider: string;
  /** Where the app takes webhooks, e.g. http://localhost:3000/webhooks/roster. */
  webhookUrl: string;
}

export interface SetupResult {
  organizationId: string;
  directoryId: string;
  /** The directory's SCIM base URL, for the IdP (or the simulator). */
  scimUrl: string;
  /** A new SCIM bearer token. */
  scimToken: string;
  webhookId: string;
  /** The webhook's signing secret (new on every run). */
  webhookSecret: string;
}

async function findOrCreateOrganization(roster: Roster, name: string, externalId: string): Promise<string> {
  try {
    return (await roster.organization.getOrganizationByExternalId(externalId)).organization.id;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return (await roster.organization.createOrganization(name, { externalId })).organization.id;
}

async function createRoles(roster: Roster): Promise<void> {
  for (const role of ROLES) {
    try {
      await roster.role.createRole(role);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

async function registerWebhook(roster: Roster, url: string): Promise<{ id: string; secret: string }> {
  const { webhooks } = await roster.webhooks.list();
  const existing = webhooks.find((webhook) => webhook.url === url);
  if (existing) {
    // The secret is shown only when made: a re-run rotates it, and the old one stops at once.
    await roster.webhooks.update(existing.id, { enabled: true, eventTypes: SUBSCRIBED_EVENTS });
    const { secret } = await roster.webhooks.rotateSecret(existing.id, { gracePeriodSeconds: 0 });
    return { id: existing.id, secret };
  }
  const created = await roster.webhooks.create({ url, description: 'Example B2B app (examples/b2b-app)', eventTypes: SUBSCRIBED_EVENTS });
  return { id: created.webhook.id, secret: created.secret };
}

export async function setupRoster(roster: Roster, options: SetupOptions): Promise<SetupResult> {
  const directoryProvider = PROVIDERS[options.provider];
  if (!directoryProvider) throw new Error(`unknown provider ${JSON.stringify(options.provider)}: expected one of ${Object.keys(PROVIDERS).join(', ')}`);

  const organizationId = await findOrCreateOrganization(roster, options.organizationName, options.externalId);
  // The quickstart's first call: directories of an organization without SCIM refuse the IdP.
  await roster.organization.updateOrganizationSettings(organizationId, { features: [{ name: 'scim', enabled: true }] });
  const { directories } = await roster.directory.listDirectories(organizationId);
  const directory = directories[0] ?? (await roster.directory.createDirectory(organizationId, { directoryProvider, directoryType: 'SCIM' })).directory;
  const secret = await roster.directory.createDirectorySecret(organizationId, directory.id);
  await createRoles(roster);
  const webhook = await registerWebhook(roster, options.webhookUrl);
  return {
    organizationId,
    directoryId: directory.id,
    scimUrl: directory.directory_endpoint,
    scimToken: secret.plain_secret,
    webhookId: webhook.id,
    webhookSecret: webhook.secret,
  };
}

/** Maps the directory group named `groupName` to `roleName` (keeping the other mappings). */
export async function assignRoleToGroup(roster: Roster, organizationId: string, directoryId: string, groupName: string, roleName: string): Promise<{ groupId: string; users: number }> {
  let group: { id: string; display_name: string; total_users: number } | undefined;
  for await (const candidate of roster.directory.iterateDirectoryGroups(organizationId, directoryId)) {
    if (candidate.display_name.toLowerCase() === groupName.toLowerCase()) group = candidate;
  }
  if (!group) throw new Error(`the directory has no group named ${JSON.stringify(groupName)} (run the simulator first?)`);
  const { directory } = await roster.directory.getDirectory(organizationId, directoryId);
  const kept = directory.role_assignments.assignments.filter((assignment) => assignment.group_id !== group.id);
  await roster.directory.assignDirectoryGroupRoles(organizationId, directoryId, {
    assignments: [...kept.map((assignment) => ({ groupId: assignment.group_id, roleName: assignment.role_name })), { groupId: group.id, roleName }],
  });
  return { groupId: group.id, users: group.total_users };
}
