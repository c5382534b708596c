/** Every event type Roster writes. Webhook filters and the Events API's `types` accept these. */
export const EVENT_TYPES = [
  'organization.directory.user_created',
  'organization.directory.user_updated',
  'organization.directory.user_deleted',
  'organization.directory.group_created',
  'organization.directory.group_updated',
  'organization.directory.group_deleted',
  'organization.directory.created',
  'organization.directory.deleted',
  'organization.directory_enabled',
  'organization.directory_disabled',
  'organization.directory.secret_created',
  'organization.directory.secret_revoked',
  // A pulled directory's sync would have removed more than its safety threshold: it applied
  // nothing destructive and waits for an administrator to approve it.
  'organization.directory.sync_needs_review',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
