import { query, type ApiClient } from '../api.js';
import type { Directory, Page, SyncRun } from '../types.js';

// What the screens of a pulled directory (Google Workspace, BambooHR) call besides the common
// directory API: "Sync now", its runs, its source's settings and credentials; approving a held
// run (the dashboard); starting Google consent (the portal).

export interface SyncApi {
  syncNow(): Promise<Directory>;
  listRuns(pageToken?: string): Promise<{ sync_runs: SyncRun[] } & Page>;
  updateSource(body: Record<string, unknown>): Promise<Directory>;
  /** Dashboard only: the app's team approves a run held by the safety threshold. */
  approveRun?: (runId: string) => Promise<SyncRun>;
  /** Portal only: where to send the Google admin for consent. */
  startGoogleConsent?: () => Promise<string>;
}

function common(api: ApiClient, base: string, pageSize: number) {
  return {
    syncNow: async () => (await api.post<{ directory: Directory }>(`${base}:sync`)).directory,
    listRuns: (pageToken?: string) => api.get<{ sync_runs: SyncRun[] } & Page>(`${base}/sync_runs${query({ page_size: pageSize, page_token: pageToken })}`),
    updateSource: async (body: Record<string, unknown>) => (await api.patch<{ directory: Directory }>(`${base}/source`, body)).directory,
  };
}

export function portalSyncApi(api: ApiClient, directoryId: string): SyncApi {
  const base = `/api/v1/portal/directories/${encodeURIComponent(directoryId)}`;
  return {
    ...common(api, base, 10),
    startGoogleConsent: async () => (await api.post<{ authorization_url: string }>(`${base}/google/oauth:start`)).authorization_url,
  };
}

export function dashboardSyncApi(api: ApiClient, organizationId: string, directoryId: string): SyncApi {
  const base = `/api/v1/organizations/${encodeURIComponent(organizationId)}/directories/${encodeURIComponent(directoryId)}`;
  return {
    ...common(api, base, 20),
    approveRun: async (runId) => (await api.post<{ sync_run: SyncRun }>(`${base}/sync_runs/${encodeURIComponent(runId)}:approve`)).sync_run,
  };
}
