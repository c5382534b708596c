import { useEffect, useState } from 'react';
import { useAsync, useSubmit } from '../hooks.js';
import type { RoleAssignment } from '../types.js';
import { DataView } from '../ui/data-view.js';
import { Callout, EmptyState } from '../ui/feedback.js';
import { ArrowRightIcon, GroupIcon, PlusIcon, TrashIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import { loadAllGroups, type DirectoryApi } from './directory-api.js';

/** Which groups grant which of the application's roles. A user's roles follow their groups, nested ones included. */
export function RoleMappingEditor({ directory, assignments, version, onSaved }: { directory: DirectoryApi; assignments: RoleAssignment[]; version: number; onSaved: () => void }) {
  const data = useAsync(async () => {
    const [groups, roles] = await Promise.all([loadAllGroups(directory), directory.listRoles()]);
    return { groups, roles };
  }, [directory, version]);
  const [rows, setRows] = useState<RoleAssignment[]>(assignments);
  const toast = useToast();
  const savedKey = JSON.stringify(assignments);
  // Only a change of what is saved resets the form (a poll returns equal data in a new array).
  useEffect(() => setRows(JSON.parse(savedKey) as typeof assignments), [savedKey]);
  const dirty = JSON.stringify(rows) !== savedKey;

  const { busy: saving, error, submit: save } = useSubmit(async () => {
    const complete = rows.filter((row) => row.group_id && row.role_name);
    const unique = [...new Map(complete.map((row) => [`${row.group_id}\u0000${row.role_name}`, row])).values()];
    await directory.assignRoles(unique);
    toast.show('Role mapping saved');
    onSaved();
  });

  const defaultRole = data.data?.roles.find((role) => role.is_default);

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Group to role mapping</div>
          <div className="card-description">
            Members of a group get its roles in the application (members of nested groups too).
            {defaultRole ? ` Users in no mapped group get “${defaultRole.display_name}”.` : ''}
          </div>
        </div>
      </div>
      <DataView
        state={data}
        rows={3}
        columns={2}
        isEmpty={({ groups, roles }) => groups.length === 0 || roles.length === 0}
        empty={({ groups }) =>
          groups.length === 0 ? (
            <EmptyState icon={<GroupIcon size={20} />} title="No groups to map yet">
              Push groups from your identity provider first; they appear here to be mapped to roles.
            </EmptyState>
          ) : (
            <EmptyState title="The application defines no roles yet">Roles are created by the application’s team; once they exist, map groups to them here.</EmptyState>
          )
        }
      >
        {({ groups, roles }) => (
          <div className="card-body stack">
            {rows.length === 0 ? <p className="muted">No group grants a role yet.</p> : null}
            {rows.map((row, index) => (
              <div className="mapping-row" key={index}>
                <select
                  className="select"
                  aria-label={`Group ${index + 1}`}
                  value={row.group_id}
                  onChange={(event) => setRows((current) => current.map((item, at) => (at === index ? { ...item, group_id: event.target.value } : item)))}
                >
                  <option value="">Choose a group…</option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {group.display_name} ({group.total_users})
                    </option>
                  ))}
                </select>
                <span className="arrow muted" aria-hidden="true">
                  <ArrowRightIcon />
                </span>
                <select
                  className="select"
                  aria-label={`Role ${index + 1}`}
                  value={row.role_name}
                  onChange={(event) => setRows((current) => current.map((item, at) => (at === index ? { ...item, role_name: event.target.value } : item)))}
                >
                  <option value="">Choose a role…</option>
                  {roles.map((role) => (
                    <option key={role.name} value={role.name}>
                      {role.display_name}
                    </option>
                  ))}
                </select>
                <button type="button" className="btn btn-ghost btn-sm" aria-label={`Remove mapping ${index + 1}`} onClick={() => setRows((current) => current.filter((_, at) => at !== index))}>
                  <TrashIcon />
                </button>
              </div>
            ))}
            {error ? <Callout tone="danger" title="The mapping was not saved">{error}</Callout> : null}
            <div className="row-between">
              <button type="button" className="btn btn-sm" onClick={() => setRows((current) => [...current, { group_id: '', role_name: '' }])}>
                <PlusIcon /> Map a group
              </button>
              <div className="row">
                {dirty ? (
                  <button type="button" className="btn" onClick={() => setRows(assignments)} disabled={saving}>
                    Discard
                  </button>
                ) : null}
                <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={!dirty || saving}>
                  {saving ? <span className="spinner" aria-hidden="true" /> : null}
                  Save role mapping
                </button>
              </div>
            </div>
          </div>
        )}
      </DataView>
    </div>
  );
}
