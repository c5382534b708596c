import { readRequestLog } from '../../store/request-log.js';
import { getDirectory } from '../management/directories.js';
import type { Services } from '../services.js';
import { feedPosition, nextFeedToken } from '../views/page-token.js';
import { explainScimFailure, type FailureExplanation } from './scim-failure.js';

// The SCIM request log as the dashboard and the portal read it, newest first, each failure
// explained. The read names the organization, so another organization's directory is a 404.

export interface RequestLogItem {
  id: string;
  time: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  user_agent: string | null;
  request_body: unknown;
  response_body: unknown;
  /** Set for failures (status >= 400). */
  failure: (FailureExplanation & { scimType?: string; detail?: string }) | null;
}

export interface RequestLogPage {
  requests: RequestLogItem[];
  /** Pass as `page_token` for older requests; empty when there are none. */
  next_page_token: string;
}

export async function listRequestLog(
  services: Services,
  organizationId: string,
  directoryId: string,
  options: { failedOnly: boolean; pageToken?: string | undefined; limit: number },
): Promise<RequestLogPage> {
  await getDirectory(services, organizationId, directoryId);
  const scope = `request-log:${directoryId}:${options.failedOnly}`;
  const beforeId = feedPosition(scope, options.pageToken);
  const rows = await readRequestLog(services.db.pool, directoryId, { failedOnly: options.failedOnly, beforeId, limit: options.limit });
  return {
    requests: rows.map((row) => ({
      id: row.id,
      time: row.created_at.toISOString(),
      method: row.method,
      path: row.path,
      status: row.status,
      duration_ms: Math.round(row.duration_ms * 10) / 10,
      user_agent: row.user_agent,
      request_body: row.request_body,
      response_body: row.response_body,
      failure: explainScimFailure(row.status, row.response_body) ?? null,
    })),
    next_page_token: nextFeedToken(scope, rows.at(-1)?.id, rows.length === options.limit),
  };
}
