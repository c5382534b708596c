import { newId } from '../../ids.js';
import type { Queryable } from '../../store/database.js';
import type { DirectoryRow } from '../../store/directories.js';
import { insertChanges } from '../../store/event-changes.js';
import type { NewEvent } from '../../store/events.js';

// Events about a directory itself (object `Directory`).

const dataOf = (directory: DirectoryRow) => ({
  id: directory.id,
  organization_id: directory.organization_id,
  directory_provider: directory.directory_provider,
  enabled: directory.enabled,
});

/** An event about the directory, written as it is, in the caller's transaction. */
export function directoryEvent(directory: DirectoryRow, type: string): NewEvent {
  return { id: newId('evt'), type, organizationId: directory.organization_id, directoryId: directory.id, object: 'Directory', data: dataOf(directory) };
}

/**
 * Records the deletion of directories, in the caller's transaction. Event ids sort by time and
 * apps take them as versions across a directory's objects: on `organization.directory.deleted`
 * the sample app tombstones every user and group whose last event is older. The user events of
 * changes committed just before the deletion are composed after it (change-expansion.ts), so a
 * deletion event written directly would take the older id, and those late events would bring
 * deleted users back. Recorded as a change instead, it is named by the expansion worker at its
 * place in the log, after the events of every earlier change of the directory.
 */
export async function recordDirectoriesDeleted(db: Queryable, directories: DirectoryRow[]): Promise<void> {
  await insertChanges(
    db,
    directories.map((directory) => ({
      directoryId: directory.id,
      organizationId: directory.organization_id,
      data: { kind: 'event', event: { type: 'organization.directory.deleted', object: 'Directory', data: dataOf(directory) } },
    })),
  );
}
