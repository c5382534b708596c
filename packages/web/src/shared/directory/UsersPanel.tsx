import { useState } from 'react';
import { useAsync } from '../hooks.js';
import { formatDateTime, initials, plural, timeAgo } from '../format.js';
import type { DirectoryUser } from '../types.js';
import { DataView } from '../ui/data-view.js';
import { Dialog } from '../ui/dialog.js';
import { EmptyState } from '../ui/feedback.js';
import { UsersIcon } from '../ui/icons.js';
import { Pager } from '../ui/pager.js';
import { Table } from '../ui/table.js';
import type { DirectoryApi } from './directory-api.js';
import { PanelHeader } from './PanelHeader.js';
import { SampleBadge } from './SampleBadge.js';
import { useSearchableList } from './use-searchable-list.js';

/** The directory's users: search, pages, roles and groups, and each user's mapped attributes. */
export function UsersPanel({ directory, total, version }: { directory: DirectoryApi; total: number; version: number }) {
  const list = useSearchableList('users', (pageToken) => directory.listUsers(pageToken), (text) => directory.searchUsers(text), [directory, version]);
  const [open, setOpen] = useState<DirectoryUser>();
  const { text } = list;

  return (
    <div className="card">
      <PanelHeader title="Users" description={`${plural(total, 'user')} provisioned by the identity provider`} searchLabel="Search users by name or email" query={list.query} onQuery={list.setQuery} />
      <DataView
        state={list.state}
        errorTitle="Users could not be loaded"
        columns={4}
        isEmpty={(page) => page.items.length === 0}
        empty={
          text ? (
            <EmptyState title="No matching users">No user’s name, username or email contains “{text}”.</EmptyState>
          ) : (
            <EmptyState icon={<UsersIcon size={20} />} title="No users yet">
              Users appear here as soon as the identity provider pushes them. Assign people to the application in your provider to start.
            </EmptyState>
          )
        }
      >
        {({ items: users, total_size }) => (
          <>
            <Table label="Users" columns={['User', 'Groups', 'Roles', 'Status', 'Updated']}>
              {users.map((user) => (
                <tr key={user.id} className="clickable" onClick={() => setOpen(user)}>
                  <td>
                    <div className="row" style={{ flexWrap: 'nowrap' }}>
                      <span className="avatar" aria-hidden="true">
                        {initials(user.name ?? user.preferred_username)}
                      </span>
                      <div className="grow">
                        <button type="button" className="btn-link cell-primary" onClick={() => setOpen(user)}>
                          {user.name ?? user.preferred_username}
                        </button>
                        {user.sample ? <SampleBadge /> : null}
                        <div className="cell-sub truncate">{user.email ?? user.preferred_username}</div>
                      </div>
                    </div>
                  </td>
                  <td>
                    <div className="chip-list">
                      {user.groups.length === 0 ? <span className="subtle">—</span> : null}
                      {user.groups.slice(0, 3).map((group) => (
                        <span key={group.id} className="badge">
                          {group.display_name}
                        </span>
                      ))}
                      {user.groups.length > 3 ? <span className="badge">+{user.groups.length - 3}</span> : null}
                    </div>
                  </td>
                  <td>
                    <div className="chip-list" data-testid="user-roles">
                      {user.roles.length === 0 ? <span className="subtle">—</span> : null}
                      {user.roles.map((role) => (
                        <span key={role.role_name} className="badge badge-accent">
                          {role.role_name}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>{user.active ? <span className="badge badge-success">Active</span> : <span className="badge">Deactivated</span>}</td>
                  <td className="nowrap muted" title={formatDateTime(user.updated_at)}>
                    {timeAgo(user.updated_at)}
                  </td>
                </tr>
              ))}
            </Table>
            <Pager label={text ? `${plural(users.length, 'match', 'matches')}${users.length >= 50 ? ' (first 50)' : ''}` : `${plural(total_size, 'user')}`} {...list.pager} />
          </>
        )}
      </DataView>
      {open ? <UserDialog directory={directory} user={open} onClose={() => setOpen(undefined)} /> : null}
    </div>
  );
}

function UserDialog({ directory, user, onClose }: { directory: DirectoryApi; user: DirectoryUser; onClose: () => void }) {
  const detail = useAsync(() => directory.getUser(user.id), [directory, user.id]);
  const shown = detail.data ?? user;
  const custom = Object.entries(shown.custom_attributes);
  return (
    <Dialog title={shown.name ?? shown.preferred_username} onClose={onClose} wide footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <div className="stack">
        <dl className="kv">
          <dt>Username</dt>
          <dd className="mono">{shown.preferred_username}</dd>
          <dt>Email</dt>
          <dd>{shown.email ?? '—'}</dd>
          <dt>Status</dt>
          <dd>{shown.active ? 'Active' : 'Deactivated'}</dd>
          <dt>Groups</dt>
          <dd>{shown.groups.map((group) => group.display_name).join(', ') || '—'}</dd>
          <dt>Roles</dt>
          <dd>{shown.roles.map((role) => role.role_name).join(', ') || '—'}</dd>
          <dt>Permissions</dt>
          <dd>{shown.permissions.join(', ') || '—'}</dd>
          <dt>Roster id</dt>
          <dd className="mono">{shown.id}</dd>
        </dl>
        <div className="stack-sm">
          <h3>Mapped attributes</h3>
          {custom.length === 0 ? (
            <p className="muted">No custom attributes: add attribute mappings to copy SCIM attributes (department, employee number, …) onto users.</p>
          ) : (
            <dl className="kv">
              {custom.map(([key, value]) => (
                <div key={key} style={{ display: 'contents' }}>
                  <dt className="mono">{key}</dt>
                  <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        {detail.data?.user_detail ? (
          <details className="disclosure">
            <summary>SCIM resource as the provider sent it</summary>
            <pre className="code-block" style={{ marginTop: 8 }}>
              {JSON.stringify(detail.data.user_detail, null, 2)}
            </pre>
          </details>
        ) : null}
      </div>
    </Dialog>
  );
}
