import type { webhooks } from '../../../sdk/src/generated/openapi.js';

/** An event type, as the API's OpenAPI document lists its webhooks. */
export type EventType = keyof webhooks;

// Keyed by the API's own list: a type missing here, or one the API does not send, fails the
// typecheck (a plain array of names went stale once: it lacked sync_needs_review).
const EVENT_TYPE_SET: Record<EventType, true> = {
  'organization.directory.user_created': true,
  'organization.directory.user_updated': true,
  'organization.directory.user_deleted': true,
  'organization.directory.group_created': true,
  'organization.directory.group_updated': true,
  'organization.directory.group_deleted': true,
  'organization.directory_enabled': true,
  'organization.directory_disabled': true,
  'organization.directory.created': true,
  'organization.directory.deleted': true,
  'organization.directory.secret_created': true,
  'organization.directory.secret_revoked': true,
  'organization.directory.sync_needs_review': true,
};

/** Every event type, for the events filter and a webhook's subscriptions. */
export const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as EventType[];
