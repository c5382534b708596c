// The shapes of Roster's API responses the UI reads. Those of the management API are the ones
// its OpenAPI document declares, generated into the SDK (packages/sdk/src/generated/openapi.ts,
// `npm run generate -w @roster/sdk`): a change to the API that the UI does not follow fails the
// typecheck. The dashboard's and the portal's own routes (request log, sample push) are not in
// that document; their shapes are declared here, and the routes that answer them in web-routes.ts.

import type { components, operations } from '../../../sdk/src/generated/openapi.js';

type Schemas = components['schemas'];

export type Organization = Schemas['Organization'];
export type Directory = Schemas['Directory'];
export type DirectoryProvider = Directory['directory_provider'];
export type DirectoryStatus = Directory['status'];
/** SCIM: the IdP pushes; the others Roster pulls from their source on a schedule. */
export type DirectoryType = Directory['directory_type'];
/** Where a pulled directory syncs from; null for SCIM directories. */
export type DirectorySource = Schemas['DirectorySource'];
/** A change to a pulled directory's source, its settings or credentials (the portal's route takes the same). */
export type SourceUpdate = NonNullable<operations['updateDirectorySource']['requestBody']>['content']['application/json'];
export type SourceStatus = DirectorySource['status'];
export type SyncRun = Schemas['SyncRun'];
export type DirectorySecret = Schemas['DirectorySecret'];
export type AttributeMapping = Schemas['AttributeMappings']['attributes'][number];
export type RoleAssignment = Schemas['RoleAssignments']['assignments'][number];
export type DirectoryUser = Schemas['DirectoryUser'];
export type DirectoryGroup = Schemas['DirectoryGroup'];
/** How many users and groups "Send sample data" left in a directory. */
export type SampleDataCounts = Schemas['SampleDataResponse']['sample_data'];
export type Role = Schemas['Role'];
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookAttempt = Schemas['WebhookDeliveryResponse']['attempt_log'][number];
export type RosterEvent = Schemas['Event'];
export type ApiClientInfo = Schemas['ApiClient'];
export type PortalLink = Schemas['PortalLink'];

/** The paging fields of every management list response. */
export type Page = Pick<Schemas['ListOrganizationsResponse'], 'next_page_token' | 'prev_page_token' | 'total_size'>;

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
