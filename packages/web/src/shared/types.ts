// The shapes of Roster's API responses the UI reads (see /api/openapi.json).

export type DirectoryProvider = 'OKTA' | 'AZURE_AD' | 'GOOGLE' | 'ONELOGIN' | 'JUMPCLOUD' | 'PING_IDENTITY' | 'AUTHENTIK' | 'OTHER';
export type DirectoryStatus = 'ACTIVE' | 'PENDING' | 'NOT_CONFIGURED' | 'DISABLED';

export interface Page {
  next_page_token: string;
  prev_page_token: string;
  total_size: number;
}

export interface Organization {
  id: string;
  display_name: string;
  external_id: string | null;
  settings: { features: { name: string; enabled: boolean }[] };
  create_time: string;
  update_time: string;
}

export interface DirectorySecret {
  id: string;
  directory_id: string;
  secret_suffix: string;
  status: 'ACTIVE' | 'REVOKED' | 'EXPIRED';
  create_time: string;
  expire_time: string | null;
  last_used_time: string | null;
}

export interface AttributeMapping {
  key: string;
  map_to: string;
}

export interface RoleAssignment {
  group_id: string;
  role_name: string;
}

export interface Directory {
  id: string;
  name: string;
  directory_type: 'SCIM';
  directory_provider: DirectoryProvider;
  organization_id: string;
  enabled: boolean;
  status: DirectoryStatus;
  last_synced_at: string | null;
  directory_endpoint: string;
  total_users: number;
  total_groups: number;
  secrets: DirectorySecret[];
  stats: { total_users: number; total_groups: number; user_updated_at: string | null; group_updated_at: string | null };
  role_assignments: { assignments: RoleAssignment[] };
  attribute_mappings: { attributes: AttributeMapping[] };
}

export interface DirectoryUser {
  id: string;
  email: string | null;
  preferred_username: string;
  given_name: string | null;
  family_name: string | null;
  name: string | null;
  active: boolean;
  emails: string[];
  groups: { id: string; display_name: string }[];
  roles: { role_name: string }[];
  permissions: string[];
  custom_attributes: Record<string, unknown>;
  updated_at: string;
  /** Made by "Send sample data". */
  sample?: true;
  user_detail?: Record<string, unknown>;
}

export interface DirectoryGroup {
  id: string;
  display_name: string;
  total_users: number;
  updated_at: string;
  /** Made by "Send sample data". */
  sample?: true;
}

/** How many users and groups "Send sample data" left in a directory. */
export interface SampleDataCounts {
  users: number;
  groups: number;
}

export interface Role {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  permissions: string[];
  is_default: boolean;
  create_time: string;
  update_time: string;
}

export interface RequestLogEntry {
  id: string;
  time: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  user_agent: string | null;
  request_body: unknown;
  response_body: unknown;
  failure: { summary: string; action: string; scimType?: string; detail?: string } | null;
}

export interface RequestLogPage {
  requests: RequestLogEntry[];
  next_page_token: string;
}

export interface SamplePushResult {
  provider: string;
  users: number;
  groups: number;
  requests: number;
  failed_requests: number;
  duration_ms: number;
}

export interface Webhook {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  disabled_reason: 'manual' | 'failing' | null;
  event_types: string[];
  organization_id: string | null;
  failing_since: string | null;
  last_success_time: string | null;
  last_failure_time: string | null;
  create_time: string;
  update_time: string;
}

export interface WebhookDelivery {
  webhook_id: string;
  event_id: string;
  status: 'pending' | 'succeeded' | 'dead';
  attempts: number;
  next_attempt_time: string | null;
  last_attempt_time: string | null;
  last_status_code: number | null;
  last_error: string | null;
  create_time: string;
  complete_time: string | null;
}

export interface WebhookAttempt {
  attempt: number;
  attempt_time: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

export interface RosterEvent {
  spec_version: '1';
  id: string;
  type: string;
  occurred_at: string;
  environment_id: string;
  organization_id: string | null;
  directory_id: string | null;
  object: string;
  data: unknown;
}

export interface ApiClientInfo {
  id: string;
  name: string;
  create_time: string;
  revoke_time: string | null;
}

export interface PortalLink {
  id: string;
  location: string;
  expire_time: string;
}
