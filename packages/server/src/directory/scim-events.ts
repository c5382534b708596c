import { newId } from '../ids.js';
import type { NewEvent } from '../store/events.js';
import type { ScimContext } from './scim-context.js';

export type DirectoryEventType =
  | 'organization.directory.user_created'
  | 'organization.directory.user_updated'
  | 'organization.directory.user_deleted'
  | 'organization.directory.group_created'
  | 'organization.directory.group_updated'
  | 'organization.directory.group_deleted';

/** An event of a SCIM change, written by the use case in the change's own transaction. */
export function directoryEvent(context: ScimContext, type: DirectoryEventType, object: 'DirectoryUser' | 'DirectoryGroup', data: unknown): NewEvent {
  return { id: newId('evt'), type, organizationId: context.organizationId, directoryId: context.directoryId, object, data };
}
