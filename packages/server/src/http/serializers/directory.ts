import { z } from 'zod';
import { DIRECTORY_PROVIDERS, scimEndpoint, type DirectoryDetails, type DirectoryProvider } from '../../directory/management/directories.js';
import type { DirectorySecretRow } from '../../store/directory-secrets.js';
import { PULLED_DIRECTORY_TYPES } from '../../connectors/source.js';
import { isoOrNull, pageFields, timestamp } from './common.js';
import { directorySourceSchema, serializeDirectorySource } from './directory-source.js';

export const secretSchema = z
  .strictObject({
    id: z.string(),
    directory_id: z.string(),
    secret_suffix: z.string().describe('The last four characters, to tell secrets apart.'),
    status: z.enum(['ACTIVE', 'REVOKED', 'EXPIRED']),
    create_time: timestamp,
    expire_time: timestamp.nullable(),
    last_used_time: timestamp.nullable(),
  })
  .meta({ id: 'DirectorySecret', description: 'A bearer token of the SCIM endpoint; the secret itself is shown only when made.' });

export type SecretJson = z.infer<typeof secretSchema>;

export function serializeSecret(secret: DirectorySecretRow): SecretJson {
  const expired = secret.expires_at !== null && secret.expires_at.getTime() <= Date.now();
  const status = secret.status === 'REVOKED' ? 'REVOKED' : expired ? 'EXPIRED' : 'ACTIVE';
  return {
    id: secret.id,
    directory_id: secret.directory_id,
    secret_suffix: secret.secret_suffix,
    status,
    create_time: secret.created_at.toISOString(),
    expire_time: isoOrNull(secret.expires_at),
    last_used_time: isoOrNull(secret.last_used_at),
  };
}

export const roleAssignmentsSchema = z
  .strictObject({ assignments: z.array(z.strictObject({ group_id: z.string(), role_name: z.string() })) })
  .meta({ id: 'RoleAssignments', description: "Which of the directory's groups grant which roles." });

export const attributeMappingsSchema = z
  .strictObject({
    attributes: z.array(
      z.strictObject({
        key: z.string().describe('A SCIM attribute path: `title`, `emails[type eq "work"].value`, `urn:...:enterprise:2.0:User:department`.'),
        map_to: z.string().describe('`custom_attributes.<name>`, or one of email, preferred_username, given_name, family_name, name.'),
      }),
    ),
  })
  .meta({ id: 'AttributeMappings', description: "SCIM attributes mapped to fields of the directory's users." });

const DIRECTORY_STATUSES = ['ACTIVE', 'PENDING', 'NOT_CONFIGURED', 'DISABLED', 'NEEDS_REVIEW', 'INVALID_CREDENTIALS', 'ERROR'] as const;
export const DIRECTORY_TYPES = ['SCIM', ...PULLED_DIRECTORY_TYPES] as const;

export const directorySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    directory_type: z.enum(DIRECTORY_TYPES).describe('SCIM: the IdP pushes over SCIM; GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls from the source on a schedule.'),
    directory_provider: z.enum(DIRECTORY_PROVIDERS),
    organization_id: z.string(),
    enabled: z.boolean(),
    status: z
      .enum(DIRECTORY_STATUSES)
      .describe(
        'DISABLED; ACTIVE once the IdP has called (pulled: once a sync succeeded); PENDING with a secret (pulled: connected, first sync to come); else NOT_CONFIGURED. ' +
          'Pulled directories also: NEEDS_REVIEW (a sync waits for approval), INVALID_CREDENTIALS (the source refused them), ERROR (the last sync failed; retried with backoff).',
      ),
    last_synced_at: timestamp.nullable().describe('When the IdP last called the SCIM endpoint (pulled: when the last sync succeeded).'),
    directory_endpoint: z.string().describe('The SCIM base URL to give the IdP.'),
    total_users: z.number().int(),
    total_groups: z.number().int(),
    secrets: z.array(secretSchema),
    stats: z.strictObject({
      total_users: z.number().int(),
      total_groups: z.number().int(),
      user_updated_at: timestamp.nullable(),
      group_updated_at: timestamp.nullable(),
    }),
    role_assignments: roleAssignmentsSchema,
    attribute_mappings: attributeMappingsSchema,
    email: z.string().nullable(),
    groups_tracked: z.enum(['ALL']),
    source: directorySourceSchema.nullable().describe('Where a pulled directory syncs from and how it is going; null for SCIM directories.'),
  })
  .meta({ id: 'Directory', description: "One connection of an organization's directory: pushed by its IdP over SCIM, or pulled by Roster from Google Workspace or BambooHR." });

export type DirectoryJson = z.infer<typeof directorySchema>;

const PULLED_STATUS = { needs_review: 'NEEDS_REVIEW', invalid_credentials: 'INVALID_CREDENTIALS', error: 'ERROR', not_connected: 'NOT_CONFIGURED' } as const;

/** Where a directory stands, as the dashboard and Scalekit's `status` show it. */
function directoryStatus(details: DirectoryDetails): (typeof DIRECTORY_STATUSES)[number] {
  if (!details.directory.enabled) return 'DISABLED';
  const { source } = details;
  if (source) return source.status === 'active' ? (source.last_success_at ? 'ACTIVE' : 'PENDING') : PULLED_STATUS[source.status];
  // The request time is recorded a second late (activity-recorder.ts); data the IdP pushed is proof enough.
  const heardFrom = details.directory.last_request_at !== null || details.stats.total_users > 0 || details.stats.total_groups > 0;
  if (heardFrom) return 'ACTIVE';
  return details.secrets.some((secret) => serializeSecret(secret).status === 'ACTIVE') ? 'PENDING' : 'NOT_CONFIGURED';
}

export function serializeDirectory(details: DirectoryDetails, baseUrl: string): DirectoryJson {
  const { directory, stats, secrets, assignments } = details;
  return {
    id: directory.id,
    name: directory.name,
    directory_type: (DIRECTORY_TYPES as readonly string[]).includes(directory.directory_type) ? (directory.directory_type as DirectoryJson['directory_type']) : 'SCIM',
    directory_provider: directory.directory_provider as DirectoryProvider,
    organization_id: directory.organization_id,
    enabled: directory.enabled,
    status: directoryStatus(details),
    last_synced_at: isoOrNull(details.source ? details.source.last_success_at : directory.last_request_at),
    directory_endpoint: scimEndpoint(baseUrl, directory.id),
    total_users: stats.total_users,
    total_groups: stats.total_groups,
    secrets: secrets.map(serializeSecret),
    stats: {
      total_users: stats.total_users,
      total_groups: stats.total_groups,
      user_updated_at: isoOrNull(stats.user_updated_at),
      group_updated_at: isoOrNull(stats.group_updated_at),
    },
    role_assignments: { assignments: assignments.map((assignment) => ({ group_id: assignment.group_id, role_name: assignment.role_name })) },
    attribute_mappings: { attributes: directory.attribute_mappings.map((mapping) => ({ key: mapping.key, map_to: mapping.map_to })) },
    email: null,
    groups_tracked: 'ALL',
    source: details.source ? serializeDirectorySource(details.source, details.lastRun) : null,
  };
}

export const directoryResponse = z.strictObject({ directory: directorySchema }).meta({ id: 'DirectoryResponse' });
export const directoryListResponse = z.strictObject({ directories: z.array(directorySchema), ...pageFields }).meta({ id: 'ListDirectoriesResponse' });
export const toggleDirectoryResponse = z
  .strictObject({ enabled: z.boolean(), error_message: z.string().optional().describe('Why provisioning still cannot run, when it cannot.') })
  .meta({ id: 'ToggleDirectoryResponse' });
export const createdSecretResponse = z
  .strictObject({ plain_secret: z.string().describe('The bearer token for the IdP, shown this once.'), secret: secretSchema })
  .meta({ id: 'CreateDirectorySecretResponse' });
export const regeneratedSecretResponse = z
  .strictObject({
    plain_secret: z.string().describe('The new bearer token for the IdP, shown this once.'),
    secret: secretSchema,
    expiring_secrets: z.array(secretSchema).describe('The secrets it replaces, now expiring at the end of the grace period.'),
  })
  .meta({ id: 'RegenerateDirectorySecretResponse' });
export const secretResponse = z.strictObject({ secret: secretSchema }).meta({ id: 'DirectorySecretResponse' });
