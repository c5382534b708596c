import type { z } from 'zod';
import type { apiClientSchema } from './api-client.js';
import type { DirectoryGroupJson, groupMemberSchema } from './directory-group.js';
import type { DirectoryUserJson } from './directory-user.js';
import type { DirectoryJson, SecretJson } from './directory.js';
import type { OrganizationJson } from './organization.js';
import type { portalLinkSchema, portalLinkSummarySchema } from './portal-link.js';
import type { roleSchema } from './role.js';
import type { deliverySchema, webhookSchema } from './webhook.js';

// One example world for the OpenAPI document's examples (and the event catalogue's): an
// organization of the app, its Okta directory, a user in a group. Typed by the serializers'
// schemas, so an example cannot name a field the API does not answer with.

export const EXAMPLE_IDS = {
  environment: 'env_01m8zq4c8t00a7k2f5rj3x',
  organization: 'org_01m8zq9w1b00b3n6d2kq7v',
  directory: 'dir_01m8zqa0g400c9p1w6ht2m',
  secret: 'dirsec_01m8zqc5h300g8x2z6fr9t',
  user: 'diruser_01m8zqf7e200d4r8y3bn5k',
  group: 'dirgroup_01m8zqg2k900e6t5v8cm4p',
  role: 'role_01m8zqh4n100h2v7c3pk6w',
  portalLink: 'plink_01m8zqj8q300j5x1f9tn2r',
  webhook: 'ep_01m8zqk1s500k8z4h6vq3t',
  event: 'evt_01m8zr1a00f2w7x4dq8s',
  client: 'roster_client_7f3k9q2m',
} as const;

export const EXAMPLE_TIME = '2026-03-02T09:14:07.512Z';
const CREATED = '2026-02-27T16:02:41.118Z';
const BASE_URL = 'https://roster.example.com';

export const exampleOrganization: OrganizationJson = {
  id: EXAMPLE_IDS.organization,
  display_name: 'Acme Corporation',
  external_id: 'acme',
  settings: { features: [{ name: 'scim', enabled: true }] },
  create_time: CREATED,
  update_time: EXAMPLE_TIME,
};

export const exampleSecret: SecretJson = {
  id: EXAMPLE_IDS.secret,
  directory_id: EXAMPLE_IDS.directory,
  secret_suffix: 'Xk3Q',
  status: 'ACTIVE',
  create_time: CREATED,
  expire_time: null,
  last_used_time: EXAMPLE_TIME,
};

export const examplePlainSecret = 'rsk_q8Vx2mZ4bT7nK1cW9pL5dR3sF6hJ0gY2aE8uI4oXk3Q';

export const exampleDirectory: DirectoryJson = {
  id: EXAMPLE_IDS.directory,
  name: 'Okta',
  directory_type: 'SCIM',
  directory_provider: 'OKTA',
  organization_id: EXAMPLE_IDS.organization,
  enabled: true,
  status: 'ACTIVE',
  last_synced_at: EXAMPLE_TIME,
  directory_endpoint: `${BASE_URL}/api/v1/directories/${EXAMPLE_IDS.directory}/scim/v2`,
  total_users: 1,
  total_groups: 1,
  secrets: [exampleSecret],
  stats: { total_users: 1, total_groups: 1, user_updated_at: EXAMPLE_TIME, group_updated_at: EXAMPLE_TIME },
  role_assignments: { assignments: [{ group_id: EXAMPLE_IDS.group, role_name: 'member' }] },
  attribute_mappings: { attributes: [{ key: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', map_to: 'custom_attributes.department' }] },
  email: null,
  groups_tracked: 'ALL',
  source: null,
};

export const exampleUserDetail = {
  id: EXAMPLE_IDS.user,
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  userName: 'ada@acme.com',
  externalId: '00u1a2b3c4d5e6f7',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada Lovelace',
  title: 'Analyst',
  active: true,
  emails: [{ value: 'ada@acme.com', type: 'work', primary: true }],
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Research' },
};

export const exampleUser: DirectoryUserJson = {
  id: EXAMPLE_IDS.user,
  email: 'ada@acme.com',
  preferred_username: 'ada@acme.com',
  given_name: 'Ada',
  family_name: 'Lovelace',
  name: 'Ada Lovelace',
  active: true,
  emails: ['ada@acme.com'],
  groups: [{ id: EXAMPLE_IDS.group, display_name: 'Engineering' }],
  roles: [{ role_name: 'member' }],
  permissions: ['documents:read'],
  custom_attributes: { department: 'Research' },
  updated_at: EXAMPLE_TIME,
};

export const exampleGroupDetail = {
  id: EXAMPLE_IDS.group,
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  displayName: 'Engineering',
  externalId: '00g9z8y7x6w5',
};

export const exampleGroup: DirectoryGroupJson = { id: EXAMPLE_IDS.group, display_name: 'Engineering', total_users: 1, updated_at: EXAMPLE_TIME };

export const exampleGroupMember: z.infer<typeof groupMemberSchema> = { id: EXAMPLE_IDS.user, type: 'user', display_name: 'Ada Lovelace' };

export const exampleRole: z.infer<typeof roleSchema> = {
  id: EXAMPLE_IDS.role,
  name: 'member',
  display_name: 'Member',
  description: 'Reads documents.',
  permissions: ['documents:read'],
  is_default: true,
  create_time: CREATED,
  update_time: EXAMPLE_TIME,
};

export const examplePortalLink: z.infer<typeof portalLinkSchema> = {
  id: EXAMPLE_IDS.portalLink,
  location: `${BASE_URL}/portal?token=pl_Jd8s2Kq9vX4mB7nC1zT6wR3y`,
  expire_time: '2026-03-09T09:14:07.512Z',
};

export const examplePortalLinkSummary: z.infer<typeof portalLinkSummarySchema> = { id: EXAMPLE_IDS.portalLink, create_time: EXAMPLE_TIME, expire_time: '2026-03-09T09:14:07.512Z' };

export const exampleApiClient: z.infer<typeof apiClientSchema> = { id: EXAMPLE_IDS.client, name: 'Billing backend', create_time: CREATED, revoke_time: null };

export const exampleWebhook: z.infer<typeof webhookSchema> = {
  id: EXAMPLE_IDS.webhook,
  url: 'https://app.acme.com/webhooks/roster',
  description: 'Keeps app users in sync',
  enabled: true,
  disabled_reason: null,
  event_types: ['organization.directory.user_created', 'organization.directory.user_updated', 'organization.directory.user_deleted'],
  organization_id: null,
  failing_since: null,
  last_success_time: EXAMPLE_TIME,
  last_failure_time: null,
  create_time: CREATED,
  update_time: CREATED,
};

export const exampleWebhookSecret = 'whsec_MfKQ9r8GKYqXnE4dq4MJ4l0O3bN2m6aH';

export const exampleDelivery: z.infer<typeof deliverySchema> = {
  webhook_id: EXAMPLE_IDS.webhook,
  event_id: EXAMPLE_IDS.event,
  status: 'succeeded',
  attempts: 1,
  next_attempt_time: null,
  last_attempt_time: EXAMPLE_TIME,
  last_status_code: 204,
  last_error: null,
  create_time: EXAMPLE_TIME,
  complete_time: EXAMPLE_TIME,
};

/** The page fields of a list that fits on one page. */
export const onePage = { next_page_token: '', prev_page_token: '', total_size: 1 };
