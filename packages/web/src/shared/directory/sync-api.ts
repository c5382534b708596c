import { bodyOf, type ApiClient } from '../api.js';
import type { Directory, Page, SourceUpdate, SyncRun } from '../types.js';
import { portalRoutes } from '../web-routes.js';

// What the screens of a pulled directory (Google Workspace, BambooHR) call besides the common
// directory API: "Sync now", its runs, its source's settings and credentials; approving a held
// run (the dashboard); starting Google consent (the portal).

export interface SyncApi {
  syncNow(): Promise<Directory>;
  listRuns(pageToken?: string): Promise<{ sync_runs: SyncRun[] } & Page>;
  updateSource(body: SourceUpdate): Promise<Directory>;
  /** Dashboard only: the app's team approves a run held by the safety threshold. */
  approveRun?: (runId: string) => Promise<SyncRun>;
  /** Portal only: where to send the Google admin for consent. */
  startGoogleConsent?: () => Promise<string>;
}

export function portalSyncApi(api: ApiClient, directoryId: string): SyncApi {
  return {
    syncNow: async () => (await api.call(portalRoutes.syncNow, directoryId)).directory,
    listRuns: (pageToken) => api.call(portalRoutes.syncRuns, directoryId, pageToken),
    updateSource: async (body) => (await api.call(portalRoutes.updateSource, directoryId, body)).directory,
    startGoogleConsent: async () => (await api.call(portalRoutes.startGoogleConsent, directoryId)).authorization_url,
  };
}

/** The dashboard's are routes of the management API, typed by its OpenAPI document. */
export function dashboardSyncApi(api: ApiClient, organizationId: string, directoryId: string): SyncApi {
  const client = api.management;
  const path = { organization_id: organizationId, directory_id: directoryId };
  const directoryPath = '/api/v1/organizations/{organization_id}/directories/{directory_id}' as const;
  return {
    syncNow: async () => (await bodyOf(client.POST(`${directoryPath}:sync`, { params: { path } }))).directory,
    listRuns: (pageToken) => bodyOf(client.GET(`${directoryPath}/sync_runs`, { params: { path, query: { page_size: 20, ...(pageToken ? { page_token: pageToken } : {}) } } })),
    updateSource: async (body) => (await bodyOf(client.PATCH(`${directoryPath}/source`, { params: { path }, body }))).directory,
    approveRun: async (runId) => (await bodyOf(client.POST(`${directoryPath}/sync_runs/{sync_run_id}:approve`, { params: { path: { ...path, sync_run_id: runId } } }))).sync_run,
  };
}
