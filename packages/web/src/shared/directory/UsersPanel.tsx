import { useState } from 'react';
import { useAsync, useDebounced } from '../hooks.js';
import { formatDateTime, initials, plural, timeAgo } from '../format.js';
import type { DirectoryUser } from '../types.js';
import { Dialog } from '../ui/dialog.js';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback.js';
import { SearchInput } from '../ui/forms.js';
import { UsersIcon } from '../ui/icons.js';
import type { DirectoryApi } from './directory-api.js';
import { SampleBadge } from './SampleBadge.js';

/** The directory's users: search, pages, roles and groups, and each user's mapped attributes. */
export function UsersPanel({ directory, total, version }: { directory: DirectoryApi; total: number; version: number }) {
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 250);
  const [tokens, setTokens] = useState<string[]>([]);
  const pageToken = tokens.at(-1);
  const users = useAsync(
    async () => (text ? { users: await directory.searchUsers(text), next_page_token: '', total_size: -1 } : directory.listUsers(pageToken)),
    [directory, text, pageToken, version],
  );
  const [open, setOpen] = useState<DirectoryUser>();

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Users</div>
          <div className="card-description">{plural(total, 'user')} provisioned by the identity provider</div>
        </div>
        <SearchInput
          label="Search users by name or email"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setTokens([]);
          }}
        />
      </div>
      {users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.reload()} title="Users could not be loaded" />
      ) : !users.data ? (
        <SkeletonRows columns={4} />
      ) : users.data.users.length === 0 ? (
        text ? (
          <EmptyState title="No matching users">No user’s name, username or email contains “{text}”.</EmptyState>
        ) : (
          <EmptyState icon={<UsersIcon size={20} />} title="No users yet">
            Users appear here as soon as the identity provider pushes them. Assign people to the application in your provider to start.
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Users">
              <thead>
                <tr>
                  <th>User</th>
                  <th>Groups</th>
                  <th>Roles</th>
                  <th>Status</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((user) => (
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
              </tbody>
            </table>
          </div>
          <Pager
            label={text ? `${plural(users.data.users.length, 'match', 'matches')}${users.data.users.length >= 50 ? ' (first 50)' : ''}` : `${plural(users.data.total_size, 'user')}`}
            hasPrevious={tokens.length > 0}
            hasNext={Boolean(users.data.next_page_token)}
            onPrevious={() => setTokens((current) => current.slice(0, -1))}
            onNext={() => users.data && setTokens((current) => [...current, users.data?.next_page_token ?? ''])}
            loading={users.loading}
          />
        </>
      )}
      {open ? <UserDialog directory={directory} user={open} onClose={() => setOpen(undefined)} /> : null}
    </div>
  );
}

export function Pager({ label, hasPrevious, hasNext, onPrevious, onNext, loading }: { label: string; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; loading?: boolean }) {
  return (
    <div className="pager">
      <span>
        {label} {loading ? <span className="spinner" aria-hidden="true" style={{ display: 'inline-block', verticalAlign: 'middle', width: 12, height: 12 }} /> : null}
      </span>
      {hasPrevious || hasNext ? (
        <div className="row">
          <button type="button" className="btn btn-sm" disabled={!hasPrevious} onClick={onPrevious}>
            Previous
          </button>
          <button type="button" className="btn btn-sm" disabled={!hasNext} onClick={onNext}>
            Next
          </button>
        </div>
      ) : null}
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
