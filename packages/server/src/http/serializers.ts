import type { DirectoryDetails } from '../directory/directories.js';
import { scimEndpoint } from '../directory/directories.js';
import type { DirectorySecretRow } from '../store/directory-secrets.js';
import type { OrganizationRow } from '../store/organizations.js';

// The management API's JSON: snake_case, shaped like Scalekit's so the same calls work.

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function serializeOrganization(organization: OrganizationRow) {
  return {
    id: organization.id,
    display_name: organization.display_name,
    external_id: organization.external_id,
    settings: { features: organization.features },
    create_time: iso(organization.created_at),
    update_time: iso(organization.updated_at),
  };
}

export function serializeSecret(secret: DirectorySecretRow) {
  const expired = secret.expires_at !== null && secret.expires_at.getTime() <= Date.now();
  return {
    id: secret.id,
    directory_id: secret.directory_id,
    secret_suffix: secret.secret_suffix,
    status: secret.status === 'ACTIVE' && expired ? 'EXPIRED' : secret.status,
    create_time: iso(secret.created_at),
    expire_time: iso(secret.expires_at),
    last_used_time: iso(secret.last_used_at),
  };
}

/** Where a directory stands, as the dashboard and Scalekit's `status` show it. */
function directoryStatus(details: DirectoryDetails): string {
  if (!details.directory.enabled) return 'DISABLED';
  if (details.directory.last_request_at) return 'ACTIVE';
  return details.secrets.some((secret) => secret.status === 'ACTIVE') ? 'PENDING' : 'NOT_CONFIGURED';
}

export function serializeDirectory(details: DirectoryDetails, baseUrl: string) {
  const { directory, stats, secrets } = details;
  return {
    id: directory.id,
    name: directory.name,
    directory_type: directory.directory_type,
    directory_provider: directory.directory_provider,
    organization_id: directory.organization_id,
    enabled: directory.enabled,
    status: directoryStatus(details),
    last_synced_at: iso(directory.last_request_at),
    directory_endpoint: scimEndpoint(baseUrl, directory.id),
    total_users: stats.total_users,
    total_groups: stats.total_groups,
    secrets: secrets.map(serializeSecret),
    stats: {
      total_users: stats.total_users,
      total_groups: stats.total_groups,
      user_updated_at: iso(stats.user_updated_at),
      group_updated_at: iso(stats.group_updated_at),
    },
    role_assignments: { assignments: [] as { group_id: string; role_name: string }[] },
    attribute_mappings: { attributes: [] as { key: string; map_to: string }[] },
    email: null as string | null,
    groups_tracked: 'ALL',
    create_time: iso(directory.created_at),
    update_time: iso(directory.updated_at),
  };
}
