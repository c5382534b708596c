import type { ReactNode } from 'react';
import type { Directory } from '../types.js';
import { Tabs } from '../ui/tabs.js';
import { AttributeMappingEditor } from './AttributeMappingEditor.js';
import type { DirectoryApi } from './directory-api.js';
import { GroupsPanel } from './GroupsPanel.js';
import { RequestLogPanel } from './RequestLogPanel.js';
import { RoleMappingEditor } from './RoleMappingEditor.js';
import { UsersPanel } from './UsersPanel.js';

/** The tabs both the dashboard and the portal show for a directory; each screen adds its own. */
export type CommonTab = 'users' | 'groups' | 'log' | 'attributes' | 'roles';

export const COMMON_TABS: { id: CommonTab; label: string }[] = [
  { id: 'users', label: 'Users' },
  { id: 'groups', label: 'Groups' },
  { id: 'log', label: 'Request log' },
  { id: 'attributes', label: 'Attribute mapping' },
  { id: 'roles', label: 'Role mapping' },
];

/** The tab bar, with the user and group counts, and the selected tab's panel. */
export function DirectoryTabs<Tab extends string>({
  tabs,
  selected,
  onSelect,
  directory,
  directoryApi,
  version,
  refresh,
  children,
}: {
  tabs: { id: Tab; label: string }[];
  selected: Tab;
  onSelect: (tab: Tab) => void;
  directory: Directory;
  directoryApi: DirectoryApi;
  version: number;
  refresh: () => void;
  /** The panel of a tab of this screen's own (the common ones are drawn here). */
  children?: ReactNode;
}) {
  const tab: string = selected;
  return (
    <>
      <Tabs
        label="Directory"
        selected={selected}
        onSelect={onSelect}
        tabs={tabs.map((item) => ({
          id: item.id,
          label: (
            <>
              {item.label}
              {item.id === 'users' ? <span className="count">{directory.total_users}</span> : null}
              {item.id === 'groups' ? <span className="count">{directory.total_groups}</span> : null}
            </>
          ),
        }))}
      />
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {children}
        {tab === 'users' ? <UsersPanel directory={directoryApi} total={directory.total_users} version={version} /> : null}
        {tab === 'groups' ? <GroupsPanel directory={directoryApi} total={directory.total_groups} assignments={directory.role_assignments.assignments} version={version} /> : null}
        {tab === 'log' ? <RequestLogPanel directory={directoryApi} /> : null}
        {tab === 'attributes' ? <AttributeMappingEditor directory={directoryApi} mappings={directory.attribute_mappings.attributes} onSaved={refresh} /> : null}
        {tab === 'roles' ? <RoleMappingEditor directory={directoryApi} assignments={directory.role_assignments.assignments} version={version} onSaved={refresh} /> : null}
      </section>
    </>
  );
}
