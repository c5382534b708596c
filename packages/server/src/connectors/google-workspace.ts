import { admin_directory_v1 } from '@googleapis/admin';
import { z } from 'zod';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../scim/schema/urns.js';
import { googleAuthClient, googleErrorText, type GoogleCredentials } from './google-auth.js';
import { SourceError, type PulledSource, type SourceContext, type SourceGroup, type SourceMember, type SourceReader, type SourceUser } from './source.js';

// Google Workspace, read through the Admin SDK Directory API with Google's client library
// (@googleapis/admin): users from users.list (customer my_customer), groups from groups.list,
// members from members.list, nested groups as group members. The admin may limit the sync to
// organizational units (users in them and below) or to groups (those groups, the groups nested
// in them, and their members). `suspended` (or `archived`) maps to inactive.
//
// Each user keeps Google's own attributes under GOOGLE_USER_SCHEMA, so attribute mappings can
// name them (`urn:roster:params:scim:schemas:extension:googleworkspace:2.0:User:orgUnitPath`);
// what changes on its own (etags, last login, photo etags) is left out, so it never makes a
// difference.

export const GOOGLE_USER_SCHEMA = 'urn:roster:params:scim:schemas:extension:googleworkspace:2.0:User';
export const GOOGLE_GROUP_SCHEMA = 'urn:roster:params:scim:schemas:extension:googleworkspace:2.0:Group';

/** Google's page sizes at their documented maximums: fewer calls per run. */
const USERS_PAGE = 500;
const GROUPS_PAGE = 200;
const MEMBERS_PAGE = 200;

const VOLATILE_USER_FIELDS = new Set(['kind', 'etag', 'lastLoginTime', 'thumbnailPhotoEtag', 'thumbnailPhotoUrl', 'isMailboxSetup', 'agreedToTerms', 'recoveryEmail', 'recoveryPhone']);
const VOLATILE_GROUP_FIELDS = new Set(['kind', 'etag', 'directMembersCount']);

const orgUnitPath = z.string().trim().regex(/^\/[^'"]*$/, 'must be an organizational unit path such as /Sales or /Engineering/Platform').max(400);

export const googleSettingsSchema = z.strictObject({
  customer_id: z.string().trim().regex(/^(my_customer|C[0-9a-z]+)$/i, 'must be my_customer or a customer id such as C03az79cb').default('my_customer').describe('The Google Workspace customer (my_customer: the admin\'s own).'),
  domain: z.string().trim().max(253).regex(/^[a-z0-9.-]+$/i, 'must be a domain name').optional().describe('Only users of this domain.'),
  org_units: z.array(orgUnitPath).max(50).default([]).describe('Only users in these organizational units (and the units below them).'),
  group_emails: z.array(z.email().max(254)).max(200).default([]).describe('Only these groups, the groups nested in them, and their members.'),
});
export type GoogleSettings = z.infer<typeof googleSettingsSchema>;

const serviceAccountKey = z.object({
  type: z.literal('service_account', { error: 'must be a service account key ("type": "service_account")' }).optional(),
  client_email: z.email('must be the service account\'s email'),
  private_key: z.string().includes('PRIVATE KEY', { error: 'must be a PEM private key' }),
  private_key_id: z.string().optional(),
});

export const googleCredentialsSchema: z.ZodType<GoogleCredentials> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('oauth'), refresh_token: z.string().min(1) }),
  z.object({ type: z.literal('service_account'), admin_email: z.email(), key: serviceAccountKey.transform(({ client_email, private_key, private_key_id }) => ({ client_email, private_key, private_key_id })) }),
]);

type User = admin_directory_v1.Schema$User;
type Group = admin_directory_v1.Schema$Group;

function withoutFields(record: object, drop: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => !drop.has(key) && value !== null && value !== undefined));
}

/** The first element of a Google list field that is marked primary, else the first one. */
function primaryOf<T extends { primary?: boolean | null }>(value: unknown): T | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((item): item is T => typeof item === 'object' && item !== null);
  return items.find((item) => item.primary === true) ?? items[0];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function googleUserToScim(user: User): SourceUser {
  const id = text(user.id);
  const email = text(user.primaryEmail);
  if (!id || !email) throw new SourceError('bad_response', 'Google listed a user without id or primaryEmail');
  const organization = primaryOf<{ primary?: boolean | null; title?: string | null; department?: string | null; costCenter?: string | null; description?: string | null }>(user.organizations);
  const employeeId = (Array.isArray(user.externalIds) ? (user.externalIds as { type?: string; value?: string }[]) : []).find((item) => item.type === 'organization')?.value;
  const emails = [{ value: email, type: 'work', primary: true }];
  if (Array.isArray(user.emails)) {
    for (const item of user.emails as { address?: string; primary?: boolean; type?: string }[]) {
      if (item.address && item.address.toLowerCase() !== email.toLowerCase()) emails.push({ value: item.address, type: item.type === 'home' ? 'home' : 'other', primary: false });
    }
  }
  const phones = Array.isArray(user.phones) ? (user.phones as { value?: string; type?: string; primary?: boolean }[]).filter((phone) => phone.value) : [];
  const enterprise = withoutFields({ employeeNumber: employeeId, department: text(organization?.department), costCenter: text(organization?.costCenter), organization: text(organization?.description) }, new Set());
  return {
    sourceId: id,
    scim: {
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GOOGLE_USER_SCHEMA],
      userName: email,
      name: withoutFields({ givenName: text(user.name?.givenName), familyName: text(user.name?.familyName), formatted: text(user.name?.fullName) }, new Set()),
      ...(text(user.name?.fullName) ? { displayName: user.name?.fullName } : {}),
      emails,
      ...(phones.length > 0 ? { phoneNumbers: phones.map((phone) => ({ value: phone.value, type: phone.type === 'mobile' ? 'mobile' : phone.type === 'home' ? 'home' : 'work', primary: phone.primary === true })) } : {}),
      ...(text(organization?.title) ? { title: organization?.title } : {}),
      active: user.suspended !== true && user.archived !== true,
      ...(Object.keys(enterprise).length > 0 ? { [ENTERPRISE_USER_SCHEMA]: enterprise } : {}),
      [GOOGLE_USER_SCHEMA]: withoutFields(user, VOLATILE_USER_FIELDS),
    },
  };
}

export function googleGroupToScim(group: Group): SourceGroup {
  const id = text(group.id);
  if (!id) throw new SourceError('bad_response', 'Google listed a group without an id');
  return {
    sourceId: id,
    key: id,
    scim: {
      schemas: [GROUP_SCHEMA, GOOGLE_GROUP_SCHEMA],
      displayName: text(group.name) ?? text(group.email) ?? id,
      [GOOGLE_GROUP_SCHEMA]: withoutFields(group, VOLATILE_GROUP_FIELDS),
    },
  };
}

const QUOTA_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'dailyLimitExceeded', 'backendError'];

/** Google answers some quota errors with 403 (usageLimits): slow down, do not give up on the credentials. */
export function isGoogleThrottled(status: number, body: string): boolean {
  return status === 403 && QUOTA_REASONS.some((reason) => body.includes(`"${reason}"`));
}

const CREDENTIAL_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'access_denied', 'invalid_request']);

/** A failed call as the sync framework needs it: credentials refused, or the source failing. */
export function classifyGoogleError(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const detail = googleErrorText(error);
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  const oauthError = /^(\d+ )?([a-z_]+)(:|$)/.exec(detail)?.[2];
  if (status === 401 || status === 403 || (oauthError !== undefined && CREDENTIAL_ERRORS.has(oauthError))) {
    return new SourceError('invalid_credentials', `Google refused Roster's credentials (${detail})`, status);
  }
  if (status === 404 || status === 400) return new SourceError('misconfigured', `Google rejected the request (${detail}); check the directory's Google settings`, status);
  if (status === undefined && !(error instanceof Error && 'config' in error)) {
    return new SourceError('bad_response', `Reading Google Workspace failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new SourceError('unavailable', `Google Workspace is not answering as it should (${detail})`, status);
}

async function call<T>(work: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await work()).data;
  } catch (error) {
    throw classifyGoogleError(error);
  }
}

class GoogleReader implements SourceReader {
  private readonly api: admin_directory_v1.Admin;
  /** Members read while working out a group-limited scope, so each group is read once a run. */
  private readonly knownMembers = new Map<string, SourceMember[]>();
  private scopeGroups: Group[] | undefined;
  private scopeUserIds: Set<string> | undefined;

  constructor(
    context: SourceContext,
    private readonly settings: GoogleSettings,
    credentials: GoogleCredentials,
  ) {
    this.api = new admin_directory_v1.Admin({
      auth: googleAuthClient(context.config, credentials, context.fetch),
      rootUrl: `${context.config.ROSTER_GOOGLE_API_URL.replace(/\/+$/, '')}/`,
      fetchImplementation: context.fetch,
      retry: false,
      signal: context.signal,
    });
  }

  private async *pages<T>(list: (pageToken: string | undefined) => Promise<{ items: T[]; next: string | null | undefined }>): AsyncIterable<T[]> {
    let pageToken: string | undefined;
    do {
      const { items, next } = await list(pageToken);
      yield items;
      pageToken = next ?? undefined;
    } while (pageToken);
  }

  private listUsers(query: string | undefined): AsyncIterable<User[]> {
    const { customer_id: customer, domain } = this.settings;
    return this.pages(async (pageToken) => {
      const data = await call(() =>
        this.api.users.list({ ...(domain ? { domain } : { customer }), maxResults: USERS_PAGE, projection: 'full', ...(query ? { query } : {}), ...(pageToken ? { pageToken } : {}) }),
      );
      return { items: data.users ?? [], next: data.nextPageToken };
    });
  }

  async *users(): AsyncIterable<SourceUser[]> {
    const allowed = await this.groupScopeUserIds();
    const queries = this.settings.org_units.length > 0 ? this.settings.org_units.map((path) => `orgUnitPath='${path}'`) : [undefined];
    for (const query of queries) {
      for await (const page of this.listUsers(query)) {
        yield page.filter((user) => !allowed || (user.id && allowed.has(user.id))).map(googleUserToScim);
      }
    }
  }

  async *groups(): AsyncIterable<SourceGroup[]> {
    const scoped = await this.groupScope();
    if (scoped) {
      yield scoped.map(googleGroupToScim);
      return;
    }
    const { customer_id: customer, domain } = this.settings;
    const pages = this.pages(async (pageToken) => {
      const data = await call(() => this.api.groups.list({ ...(domain ? { domain } : { customer }), maxResults: GROUPS_PAGE, ...(pageToken ? { pageToken } : {}) }));
      return { items: data.groups ?? [], next: data.nextPageToken };
    });
    for await (const page of pages) yield page.map(googleGroupToScim);
  }

  async members(group: SourceGroup): Promise<SourceMember[]> {
    const known = this.knownMembers.get(group.key);
    if (known) return known;
    const members: SourceMember[] = [];
    for await (const page of this.pages(async (pageToken) => {
      const data = await call(() => this.api.members.list({ groupKey: group.key, maxResults: MEMBERS_PAGE, ...(pageToken ? { pageToken } : {}) }));
      return { items: data.members ?? [], next: data.nextPageToken };
    })) {
      for (const member of page) {
        // CUSTOMER (everyone in the account) and external addresses are not directory objects.
        if (member.id && (member.type === 'USER' || member.type === 'GROUP')) members.push({ sourceId: member.id, type: member.type === 'USER' ? 'User' : 'Group' });
      }
    }
    return members;
  }

  /** The chosen groups and every group nested in them, read once per run; undefined when the sync is not limited to groups. */
  private async groupScope(): Promise<Group[] | undefined> {
    if (this.settings.group_emails.length === 0) return undefined;
    if (this.scopeGroups) return this.scopeGroups;
    const found = new Map<string, Group>();
    const queue: string[] = [...this.settings.group_emails];
    while (queue.length > 0) {
      const key = queue.shift() as string;
      const group = await call(() => this.api.groups.get({ groupKey: key }));
      if (!group.id || found.has(group.id)) continue;
      found.set(group.id, group);
      const source = googleGroupToScim(group);
      const members = await this.members(source);
      this.knownMembers.set(source.key, members);
      for (const member of members) if (member.type === 'Group' && !found.has(member.sourceId)) queue.push(member.sourceId);
    }
    this.scopeGroups = [...found.values()];
    return this.scopeGroups;
  }

  private async groupScopeUserIds(): Promise<Set<string> | undefined> {
    const groups = await this.groupScope();
    if (!groups) return undefined;
    this.scopeUserIds ??= new Set([...this.knownMembers.values()].flat().filter((member) => member.type === 'User').map((member) => member.sourceId));
    return this.scopeUserIds;
  }
}

export const googleWorkspaceSource: PulledSource<GoogleSettings, GoogleCredentials> = {
  type: 'GOOGLE_WORKSPACE',
  provider: 'GOOGLE',
  displayName: 'Google Workspace',
  settingsSchema: googleSettingsSchema,
  credentialsSchema: googleCredentialsSchema,
  describeCredentials: (credentials): { kind: string } & Record<string, string> =>
    credentials.type === 'oauth' ? { kind: 'oauth' } : { kind: 'service_account', service_account: credentials.key.client_email, admin_email: credentials.admin_email },
  isThrottled: isGoogleThrottled,
  open: (context, settings, credentials) => new GoogleReader(context, settings, credentials),
};
