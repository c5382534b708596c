import { readRequestLog, type RequestLogRecord } from '../../store/request-log.js';
import { getDirectory } from '../management/directories.js';
import type { Services } from '../services.js';
import { feedPosition, nextFeedToken } from '../views/page-token.js';
import { explainScimFailure, type FailureExplanation } from './scim-failure.js';

// The SCIM request log as the dashboard and the portal read it, newest first, each failure
// explained. The read names the organization, so another organization's directory is a 404.

/** A logged request as the store keeps it, with its time as text and, for failures (status >= 400), what went wrong. */
export type RequestLogItem = Omit<RequestLogRecord, 'created_at'> & {
  time: string;
  failure: (FailureExplanation & { scimType?: string; detail?: string }) | null;
};

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
    requests: rows.map(({ created_at: createdAt, ...row }) => ({
      ...row,
      time: createdAt.toISOString(),
      duration_ms: Math.round(row.duration_ms * 10) / 10,
      failure: explainScimFailure(row.status, row.response_body) ?? null,
    })),
    next_page_token: nextFeedToken(scope, rows.at(-1)?.id, rows.length === options.limit),
  };
}
