import type { components } from './generated/openapi.js';

// Names for the shapes the API answers with, taken from the generated OpenAPI types. They are the
// server's JSON as sent (snake_case), like the examples in Scalekit's REST documentation.

type Schemas = components['schemas'];

export type ApiErrorBody = Schemas['ApiError'];
export type Organization = Schemas['Organization'];
export type OrganizationFeature = Organization['settings']['features'][number];
export type Directory = Schemas['Directory'];
export type DirectoryProvider = Directory['directory_provider'];
export type DirectorySecret = Schemas['DirectorySecret'];
export type DirectoryType = Directory['directory_type'];
/** A pulled directory's source (Google Workspace, BambooHR); null on SCIM directories. */
export type DirectorySource = Schemas['DirectorySource'];
export type SyncRun = Schemas['SyncRun'];
export type SyncRunCounts = Schemas['SyncRunCounts'];
export type HeldSyncRun = Schemas['HeldSyncRun'];
export type DirectoryUser = Schemas['DirectoryUser'];
export type DirectoryGroup = Schemas['DirectoryGroup'];
export type DirectoryGroupMember = Schemas['DirectoryGroupMember'];
export type RoleAssignments = Schemas['RoleAssignments'];
export type AttributeMappings = Schemas['AttributeMappings'];
export type Role = Schemas['Role'];
export type PortalLink = Schemas['PortalLink'];
export type PortalLinkSummary = Schemas['PortalLinkSummary'];
export type RosterEvent = Schemas['Event'];

// Each event type's payload, as webhooks deliver it (the OpenAPI document's `webhooks` section).
export type UserCreatedEvent = Schemas['UserCreatedEvent'];
export type UserUpdatedEvent = Schemas['UserUpdatedEvent'];
export type UserDeletedEvent = Schemas['UserDeletedEvent'];
export type GroupCreatedEvent = Schemas['GroupCreatedEvent'];
export type GroupUpdatedEvent = Schemas['GroupUpdatedEvent'];
export type GroupDeletedEvent = Schemas['GroupDeletedEvent'];
export type DirectoryCreatedEvent = Schemas['DirectoryCreatedEvent'];
export type DirectoryDeletedEvent = Schemas['DirectoryDeletedEvent'];
export type DirectoryEnabledEvent = Schemas['DirectoryEnabledEvent'];
export type DirectoryDisabledEvent = Schemas['DirectoryDisabledEvent'];
export type DirectorySecretCreatedEvent = Schemas['DirectorySecretCreatedEvent'];
export type DirectorySecretRevokedEvent = Schemas['DirectorySecretRevokedEvent'];
export type DirectorySyncNeedsReviewEvent = Schemas['DirectorySyncNeedsReviewEvent'];
/** Any event, told apart by `type`: `switch (event.type)` narrows `data`. */
export type WebhookEvent =
  | UserCreatedEvent
  | UserUpdatedEvent
  | UserDeletedEvent
  | GroupCreatedEvent
  | GroupUpdatedEvent
  | GroupDeletedEvent
  | DirectoryCreatedEvent
  | DirectoryDeletedEvent
  | DirectoryEnabledEvent
  | DirectoryDisabledEvent
  | DirectorySecretCreatedEvent
  | DirectorySecretRevokedEvent
  | DirectorySyncNeedsReviewEvent;
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type ApiClient = Schemas['ApiClient'];

export type OrganizationResponse = Schemas['OrganizationResponse'];
export type ListOrganizationsResponse = Schemas['ListOrganizationsResponse'];
export type DirectoryResponse = Schemas['DirectoryResponse'];
export type ListDirectoriesResponse = Schemas['ListDirectoriesResponse'];
export type ToggleDirectoryResponse = Schemas['ToggleDirectoryResponse'];
export type ListDirectoryUsersResponse = Schemas['ListDirectoryUsersResponse'];
export type ListDirectoryGroupsResponse = Schemas['ListDirectoryGroupsResponse'];
export type ListDirectoryGroupMembersResponse = Schemas['ListDirectoryGroupMembersResponse'];
export type CreateDirectorySecretResponse = Schemas['CreateDirectorySecretResponse'];
export type RegenerateDirectorySecretResponse = Schemas['RegenerateDirectorySecretResponse'];
export type ListRolesResponse = Schemas['ListRolesResponse'];
export type ListPortalLinksResponse = Schemas['ListPortalLinksResponse'];
export type ListEventsResponse = Schemas['ListEventsResponse'];
export type CreateWebhookResponse = Schemas['CreateWebhookResponse'];
export type ListWebhookDeliveriesResponse = Schemas['ListWebhookDeliveriesResponse'];
export type SyncRunResponse = Schemas['SyncRunResponse'];
export type ListSyncRunsResponse = Schemas['ListSyncRunsResponse'];
