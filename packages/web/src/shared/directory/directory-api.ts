import { query, type ApiClient } from '../api.js';
import type { AttributeMapping, Directory, DirectoryGroup, DirectorySecret, DirectoryUser, Page, RequestLogPage, Role, RoleAssignment, SampleDataCounts, SamplePushResult } from '../types.js';

// What the directory screens need, whoever shows them: the portal reaches one organization's
// directory through /api/v1/portal/... with its session; the dashboard reaches any directory
// through the management API (and /api/v1/dashboard/... for search, the log and the sample push).

export interface DirectoryApi {
  getDirectory(): Promise<Directory>;
  listUsers(pageToken?: string, groupId?: string): Promise<{ users: DirectoryUser[] } & Page>;
  searchUsers(text: string): Promise<DirectoryUser[]>;
  getUser(userId: string): Promise<DirectoryUser>;
  listGroups(pageToken?: string): Promise<{ groups: DirectoryGroup[] } & Page>;
  searchGroups(text: string): Promise<DirectoryGroup[]>;
  requestLog(options: { failedOnly: boolean; before?: string }): Promise<RequestLogPage>;
  listRoles(): Promise<Role[]>;
  assignRoles(assignments: RoleAssignment[]): Promise<RoleAssignment[]>;
  setAttributeMappings(attributes: AttributeMapping[]): Promise<AttributeMapping[]>;
  createSecret(): Promise<{ plain_secret: string; secret: DirectorySecret }>;
  regenerateSecret(graceSeconds: number): Promise<{ plain_secret: string; secret: DirectorySecret }>;
  revokeSecret(secretId: string): Promise<void>;
  setEnabled(enabled: boolean): Promise<{ enabled: boolean; error_message?: string }>;
  pushSample(): Promise<SamplePushResult>;
  sampleData(): Promise<SampleDataCounts>;
  removeSampleData(): Promise<SampleDataCounts>;
}

type UserPage = { users: DirectoryUser[] } & Page;
type GroupPage = { groups: DirectoryGroup[] } & Page;

function common(api: ApiClient, base: string, readBase: string) {
  return {
    getDirectory: async () => (await api.get<{ directory: Directory }>(base)).directory,
    listUsers: (pageToken?: string, groupId?: string) => api.get<UserPage>(`${base}/users${query({ page_size: 25, page_token: pageToken, directory_group_id: groupId })}`),
    searchUsers: async (text: string) => (await api.get<{ users: DirectoryUser[] }>(`${readBase}/users:search${query({ q: text })}`)).users,
    listGroups: (pageToken?: string) => api.get<GroupPage>(`${base}/groups${query({ page_size: 25, page_token: pageToken })}`),
    searchGroups: async (text: string) => (await api.get<{ groups: DirectoryGroup[] }>(`${readBase}/groups:search${query({ q: text })}`)).groups,
    requestLog: ({ failedOnly, before }: { failedOnly: boolean; before?: string }) =>
      api.get<RequestLogPage>(`${readBase}/request_log${query({ failed: failedOnly ? 'true' : undefined, before, limit: 25 })}`),
    assignRoles: async (assignments: RoleAssignment[]) =>
      (await api.put<{ role_assignments: { assignments: RoleAssignment[] } }>(`${base}/groups/-/roles:assign`, { assignments })).role_assignments.assignments,
    setAttributeMappings: async (attributes: AttributeMapping[]) =>
      (await api.put<{ attribute_mappings: { attributes: AttributeMapping[] } }>(`${base}/attributes`, { attributes })).attribute_mappings.attributes,
    createSecret: () => api.post<{ plain_secret: string; secret: DirectorySecret }>(`${base}/secrets`),
    regenerateSecret: (graceSeconds: number) => api.post<{ plain_secret: string; secret: DirectorySecret }>(`${base}/secrets:regenerate`, { grace_period_seconds: graceSeconds }),
    revokeSecret: async (secretId: string) => {
      await api.post(`${base}/secrets/${encodeURIComponent(secretId)}:revoke`);
    },
    pushSample: async () => (await api.post<{ result: SamplePushResult }>(`${readBase}:simulate`)).result,
    sampleData: async () => (await api.get<{ sample_data: SampleDataCounts }>(`${readBase}/sample_data`)).sample_data,
    removeSampleData: async () => (await api.delete<{ removed: SampleDataCounts }>(`${readBase}/sample_data`)).removed,
  };
}

export function portalDirectoryApi(api: ApiClient, directoryId: string): DirectoryApi {
  const base = `/api/v1/portal/directories/${encodeURIComponent(directoryId)}`;
  return {
    ...common(api, base, base),
    getUser: async (userId) => (await api.get<{ user: DirectoryUser }>(`${base}/users/${encodeURIComponent(userId)}`)).user,
    listRoles: async () => (await api.get<{ roles: Role[] }>('/api/v1/portal/roles')).roles,
    setEnabled: (enabled) => api.post(`${base}:${enabled ? 'enable' : 'disable'}`),
  };
}

export function dashboardDirectoryApi(api: ApiClient, organizationId: string, directoryId: string): DirectoryApi {
  const path = `/organizations/${encodeURIComponent(organizationId)}/directories/${encodeURIComponent(directoryId)}`;
  const base = `/api/v1${path}`;
  return {
    ...common(api, base, `/api/v1/dashboard${path}`),
    getUser: async (userId) => (await api.get<{ user: DirectoryUser }>(`${base}/users/${encodeURIComponent(userId)}?include_detail=true`)).user,
    listRoles: async () => (await api.get<{ roles: Role[] }>('/api/v1/roles?page_size=100')).roles,
    setEnabled: (enabled) => api.patch(`${base}:${enabled ? 'enable' : 'disable'}`),
  };
}

/** Up to `max` groups, following pages: the role mapping editor lists them all. */
export async function loadAllGroups(directory: DirectoryApi, max = 500): Promise<DirectoryGroup[]> {
  const groups: DirectoryGroup[] = [];
  let token: string | undefined;
  do {
    const page = await directory.listGroups(token);
    groups.push(...page.groups);
    token = page.next_page_token || undefined;
  } while (token && groups.length < max);
  return groups;
}
