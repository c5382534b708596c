import type { EventType } from '../../events/event-types.js';
import { newId } from '../../ids.js';
import type { NewEvent } from '../../store/events.js';

export type EventObject = 'DirectoryUser' | 'DirectoryGroup' | 'Directory' | 'DirectorySecret';

/** Which organization and directory an event belongs to (a ScimContext is one). */
export interface EventScope {
  organizationId: string;
  directoryId: string;
}

/** An event of a directory change, written by the use case in the change's own transaction. */
export function directoryEvent(scope: EventScope, type: EventType, object: EventObject, data: unknown): NewEvent {
  return { id: newId('evt'), type, organizationId: scope.organizationId, directoryId: scope.directoryId, object, data };
}
