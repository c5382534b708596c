import { formatDateTime, plural, timeAgo } from '../format.js';
import type { RoleAssignment } from '../types.js';
import { DataView } from '../ui/data-view.js';
import { EmptyState } from '../ui/feedback.js';
import { GroupIcon } from '../ui/icons.js';
import { Pager } from '../ui/pager.js';
import { Table } from '../ui/table.js';
import type { DirectoryApi } from './directory-api.js';
import { PanelHeader } from './PanelHeader.js';
import { SampleBadge } from './SampleBadge.js';
import { useSearchableList } from './use-searchable-list.js';

/** The directory's groups with their member counts and the roles they grant. */
export function GroupsPanel({ directory, total, assignments, version }: { directory: DirectoryApi; total: number; assignments: RoleAssignment[]; version: number }) {
  const list = useSearchableList('groups', (pageToken) => directory.listGroups(pageToken), (text) => directory.searchGroups(text), [directory, version]);
  const rolesOf = (groupId: string) => assignments.filter((assignment) => assignment.group_id === groupId).map((assignment) => assignment.role_name);
  const { text } = list;

  return (
    <div className="card">
      <PanelHeader title="Groups" description={`${plural(total, 'group')} pushed by the identity provider`} searchLabel="Search groups by name" query={list.query} onQuery={list.setQuery} />
      <DataView
        state={list.state}
        errorTitle="Groups could not be loaded"
        columns={3}
        isEmpty={(page) => page.items.length === 0}
        empty={
          text ? (
            <EmptyState title="No matching groups">No group name contains “{text}”.</EmptyState>
          ) : (
            <EmptyState icon={<GroupIcon size={20} />} title="No groups yet">
              Push groups from your identity provider to map them to roles in the application.
            </EmptyState>
          )
        }
      >
        {({ items: groups, total_size }) => (
          <>
            <Table label="Groups" columns={['Group', 'Members', 'Grants roles', 'Updated']}>
              {groups.map((group) => (
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
            </Table>
            <Pager label={text ? plural(groups.length, 'match', 'matches') : plural(total_size, 'group')} {...list.pager} />
          </>
        )}
      </DataView>
    </div>
  );
}
