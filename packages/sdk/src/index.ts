export { Roster, type RosterOptions } from './roster.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GoneError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RosterError,
  ServerError,
  type RosterErrorKind,
} from './errors.js';
export { verifyWebhookPayload, WebhookVerificationError, type VerifyWebhookOptions, type WebhookHeaders, type WebhookVerificationFailure } from './webhook-verification.js';
export type { RetryPolicy } from './retry-policy.js';
export type { PageOptions } from './pagination.js';
export type { OrganizationSettings } from './clients/organization-client.js';
export type { ListDirectoryUsersOptions, ListDirectoryGroupsOptions, NewScimDirectory, NewPulledDirectory } from './clients/directory-client.js';
export type { BambooHRSettings, GoogleWorkspaceSettings, PulledDirectoryType, SourceChanges, SourceCredentials } from './clients/source-input.js';
export type { ListEventsOptions } from './clients/event-client.js';
export type { RoleFields } from './clients/role-client.js';
export type { WebhookFields } from './clients/webhook-client.js';
export type * from './types.js';
export type { components, operations, paths, webhooks } from './generated/openapi.js';
