import { useState } from 'react';
import { useAsync, useDebounced } from '../hooks.js';
import { formatDateTime, plural, timeAgo } from '../format.js';
import type { RoleAssignment } from '../types.js';
import { EmptyState, ErrorState, SkeletonRows } from '../ui/feedback.js';
import { SearchInput } from '../ui/forms.js';
import { GroupIcon } from '../ui/icons.js';
import type { DirectoryApi } from './directory-api.js';
import { SampleBadge } from './SampleBadge.js';
import { Pager } from './UsersPanel.js';

/** The directory's groups with their member counts and the roles they grant. */
export function GroupsPanel({ directory, total, assignments, version }: { directory: DirectoryApi; total: number; assignments: RoleAssignment[]; version: number }) {
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 250);
  const [tokens, setTokens] = useState<string[]>([]);
  const pageToken = tokens.at(-1);
  const groups = useAsync(
    async () => (text ? { groups: await directory.searchGroups(text), next_page_token: '', total_size: -1 } : directory.listGroups(pageToken)),
    [directory, text, pageToken, version],
  );
  const rolesOf = (groupId: string) => assignments.filter((assignment) => assignment.group_id === groupId).map((assignment) => assignment.role_name);

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Groups</div>
          <div className="card-description">{plural(total, 'group')} pushed by the identity provider</div>
        </div>
        <SearchInput
          label="Search groups by name"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setTokens([]);
          }}
        />
      </div>
      {groups.error ? (
        <ErrorState error={groups.error} onRetry={() => void groups.reload()} title="Groups could not be loaded" />
      ) : !groups.data ? (
        <SkeletonRows columns={3} />
      ) : groups.data.groups.length === 0 ? (
        text ? (
          <EmptyState title="No matching groups">No group name contains “{text}”.</EmptyState>
        ) : (
          <EmptyState icon={<GroupIcon size={20} />} title="No groups yet">
            Push groups from your identity provider to map them to roles in the application.
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Groups">
              <thead>
                <tr>
                  <th>Group</th>
                  <th>Members</th>
                  <th>Grants roles</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.groups.map((group) => (
                  <tr key={group.id}>
                    <td>
                      <div className="cell-primary">
                        {group.display_name} {group.sample ? <SampleBadge /> : null}
                      </div>
                      <div className="cell-sub mono">{group.id}</div>
                    </td>
                    <td>{plural(group.total_users, 'user')}</td>
                    <td>
                      <div className="chip-list">
                        {rolesOf(group.id).length === 0 ? <span className="subtle">—</span> : null}
                        {rolesOf(group.id).map((role) => (
                          <span key={role} className="badge badge-accent">
                            {role}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td className="nowrap muted" title={formatDateTime(group.updated_at)}>
                      {timeAgo(group.updated_at)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={text ? plural(groups.data.groups.length, 'match', 'matches') : plural(groups.data.total_size, 'group')}
            hasPrevious={tokens.length > 0}
            hasNext={Boolean(groups.data.next_page_token)}
            onPrevious={() => setTokens((current) => current.slice(0, -1))}
            onNext={() => setTokens((current) => [...current, groups.data?.next_page_token ?? ''])}
            loading={groups.loading}
          />
        </>
      )}
    </div>
  );
}
