import { bodyOf, type ApiClient } from '../api.js';
import type { AttributeMapping, Directory, DirectoryGroup, DirectorySecret, DirectoryUser, Page, RequestLogPage, Role, RoleAssignment, SampleDataCounts, SamplePushResult } from '../types.js';
import { directoryReadRoutes as reads, portalDirectoryBase, portalRoutes as portal } from '../web-routes.js';

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
  requestLog(options: { failedOnly: boolean; pageToken?: string }): Promise<RequestLogPage>;
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

/** The reads both surfaces serve below `readBase`: search, the request log, sample data. */
function directoryReads(api: ApiClient, readBase: string) {
  return {
    searchUsers: async (text: string) => (await api.call(reads.searchUsers, readBase, text)).users,
    searchGroups: async (text: string) => (await api.call(reads.searchGroups, readBase, text)).groups,
    requestLog: (options: { failedOnly: boolean; pageToken?: string }) => api.call(reads.requestLog, readBase, options),
    pushSample: async () => (await api.call(reads.pushSample, readBase)).result,
    sampleData: async () => (await api.call(reads.sampleData, readBase)).sample_data,
    removeSampleData: async () => (await api.call(reads.removeSampleData, readBase)).removed,
  };
}

/** The portal's routes (/api/v1/portal/...) are its own, outside the management API's OpenAPI document. */
export function portalDirectoryApi(api: ApiClient, directoryId: string): DirectoryApi {
  return {
    ...directoryReads(api, portalDirectoryBase(directoryId)),
    getDirectory: async () => (await api.call(portal.directory, directoryId)).directory,
    listUsers: (pageToken, groupId) => api.call(portal.users, directoryId, pageToken, groupId),
    listGroups: (pageToken) => api.call(portal.groups, directoryId, pageToken),
    getUser: async (userId) => (await api.call(portal.user, directoryId, userId)).user,
    listRoles: async () => (await api.call(portal.roles)).roles,
    assignRoles: async (assignments) => (await api.call(portal.assignRoles, directoryId, assignments)).role_assignments.assignments,
    setAttributeMappings: async (attributes) => (await api.call(portal.setAttributeMappings, directoryId, attributes)).attribute_mappings.attributes,
    createSecret: () => api.call(portal.createSecret, directoryId),
    regenerateSecret: (graceSeconds) => api.call(portal.regenerateSecret, directoryId, graceSeconds),
    revokeSecret: async (secretId) => {
      await api.call(portal.revokeSecret, directoryId, secretId);
    },
    setEnabled: (enabled) => api.call(portal.setEnabled, directoryId, enabled),
  };
}

/** The dashboard uses the management API, typed by its OpenAPI document, and its own reads under /api/v1/dashboard. */
export function dashboardDirectoryApi(api: ApiClient, organizationId: string, directoryId: string): DirectoryApi {
  const client = api.management;
  const path = { organization_id: organizationId, directory_id: directoryId };
  const dashboardBase = `/api/v1/dashboard/organizations/${encodeURIComponent(organizationId)}/directories/${encodeURIComponent(directoryId)}`;
  const directoryPath = '/api/v1/organizations/{organization_id}/directories/{directory_id}' as const;
  return {
    ...directoryReads(api, dashboardBase),
    getDirectory: async () => (await bodyOf(client.GET(directoryPath, { params: { path } }))).directory,
    listUsers: (pageToken, groupId) =>
      bodyOf(client.GET(`${directoryPath}/users`, { params: { path, query: { page_size: 25, ...(pageToken ? { page_token: pageToken } : {}), ...(groupId ? { directory_group_id: groupId } : {}) } } })),
    listGroups: (pageToken) => bodyOf(client.GET(`${directoryPath}/groups`, { params: { path, query: { page_size: 25, ...(pageToken ? { page_token: pageToken } : {}) } } })),
    getUser: async (userId) => (await bodyOf(client.GET(`${directoryPath}/users/{user_id}`, { params: { path: { ...path, user_id: userId }, query: { include_detail: true } } }))).user,
    listRoles: async () => (await bodyOf(client.GET('/api/v1/roles', { params: { query: { page_size: 100 } } }))).roles,
    assignRoles: async (assignments) => (await bodyOf(client.PUT(`${directoryPath}/groups/-/roles:assign`, { params: { path }, body: { assignments } }))).role_assignments.assignments,
    setAttributeMappings: async (attributes) => (await bodyOf(client.PUT(`${directoryPath}/attributes`, { params: { path }, body: { attributes } }))).attribute_mappings.attributes,
    createSecret: () => bodyOf(client.POST(`${directoryPath}/secrets`, { params: { path } })),
    regenerateSecret: (graceSeconds) => bodyOf(client.POST(`${directoryPath}/secrets:regenerate`, { params: { path }, body: { grace_period_seconds: graceSeconds } })),
    revokeSecret: async (secretId) => {
      await bodyOf(client.POST(`${directoryPath}/secrets/{secret_id}:revoke`, { params: { path: { ...path, secret_id: secretId } } }));
    },
    setEnabled: (enabled) => bodyOf(enabled ? client.PATCH(`${directoryPath}:enable`, { params: { path } }) : client.PATCH(`${directoryPath}:disable`, { params: { path } })),
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
