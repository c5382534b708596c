import { useState } from 'react';
import { useAsync, useInterval } from '../hooks.js';
import { formatDateTime, timeAgo } from '../format.js';
import type { RequestLogEntry } from '../types.js';
import { Dialog } from '../ui/dialog.js';
import { DataView } from '../ui/data-view.js';
import { Callout, EmptyState } from '../ui/feedback.js';
import { ActivityIcon } from '../ui/icons.js';
import { LoadOlder } from '../ui/load-older.js';
import { HttpStatusBadge } from '../ui/status.js';
import { Table } from '../ui/table.js';
import type { DirectoryApi } from './directory-api.js';

/** The part of a SCIM path after /scim/v2, which is what tells requests apart. */
const shortPath = (path: string) => path.replace(/^.*\/scim\/v2/i, '') || '/';

/** Recent SCIM requests, newest first; failures highlighted and explained. Refreshes itself. */
export function RequestLogPanel({ directory, live = true }: { directory: DirectoryApi; live?: boolean }) {
  const [failedOnly, setFailedOnly] = useState(false);
  const [older, setOlder] = useState<RequestLogEntry[]>([]);
  const [olderToken, setOlderToken] = useState<string | undefined>();
  const log = useAsync(() => directory.requestLog({ failedOnly }), [directory, failedOnly]);
  useInterval(() => void log.reload(), 5000, live && older.length === 0);
  const [open, setOpen] = useState<RequestLogEntry>();

  const entries = [...(log.data?.requests ?? []), ...older];
  const nextToken = older.length > 0 ? olderToken : log.data?.next_page_token;

  const loadOlder = async () => {
    if (!nextToken) return;
    const page = await directory.requestLog({ failedOnly, pageToken: nextToken });
    setOlder((current) => [...current, ...page.requests]);
    setOlderToken(page.next_page_token || undefined);
  };

  const selectFilter = (value: boolean) => {
    setFailedOnly(value);
    setOlder([]);
    setOlderToken(undefined);
  };

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">SCIM request log</div>
          <div className="card-description">Every request the identity provider sent, with Roster’s answer. Secrets and passwords are redacted.</div>
        </div>
        <div className="row" role="radiogroup" aria-label="Which requests">
          <button type="button" role="radio" aria-checked={!failedOnly} className={`btn btn-sm${!failedOnly ? ' btn-primary' : ''}`} onClick={() => selectFilter(false)}>
            All
          </button>
          <button type="button" role="radio" aria-checked={failedOnly} className={`btn btn-sm${failedOnly ? ' btn-primary' : ''}`} onClick={() => selectFilter(true)}>
            Failures
          </button>
        </div>
      </div>
      <DataView
        state={log}
        errorTitle="The request log could not be loaded"
        columns={4}
        isEmpty={() => entries.length === 0}
        empty={
          <EmptyState icon={<ActivityIcon size={20} />} title={failedOnly ? 'No failed requests' : 'No requests yet'}>
            {failedOnly ? 'Every request the provider sent was answered successfully.' : 'Requests appear here as soon as the identity provider calls the SCIM endpoint.'}
          </EmptyState>
        }
      >
        {() => (
          <>
            <Table label="SCIM requests" columns={['Status', 'Request', 'What happened', 'When']}>
              {entries.map((entry) => (
                <tr key={entry.id} className={`clickable${entry.failure ? ' row-danger' : ''}`} onClick={() => setOpen(entry)}>
                  <td>
                    <HttpStatusBadge status={entry.status} />
                  </td>
                  <td>
                    <button type="button" className="btn-link mono" onClick={() => setOpen(entry)}>
                      <strong>{entry.method}</strong> {shortPath(entry.path)}
                    </button>
                    <div className="cell-sub">{entry.user_agent ?? 'unknown client'} · {entry.duration_ms} ms</div>
                  </td>
                  <td style={{ maxWidth: 420 }}>{entry.failure ? <span style={{ color: 'var(--danger)' }}>{entry.failure.summary}</span> : <span className="muted">OK</span>}</td>
                  <td className="nowrap muted" title={formatDateTime(entry.time)}>
                    {timeAgo(entry.time)}
                  </td>
                </tr>
              ))}
            </Table>
            {nextToken ? <LoadOlder shown={`Showing ${entries.length} requests`} label="Older requests" onLoad={loadOlder} /> : null}
          </>
        )}
      </DataView>
      {open ? <RequestDialog entry={open} onClose={() => setOpen(undefined)} /> : null}
    </div>
  );
}

function RequestDialog({ entry, onClose }: { entry: RequestLogEntry; onClose: () => void }) {
  return (
    <Dialog title={`${entry.method} ${shortPath(entry.path)}`} onClose={onClose} wide footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <div className="stack">
        {entry.failure ? (
          <Callout tone="danger" title={entry.failure.summary}>
            <div className="stack-sm">
              <span>{entry.failure.action}</span>
              {entry.failure.detail ? (
                <span>
                  Roster said: <em>{entry.failure.detail}</em>
                  {entry.failure.scimType ? <> ({entry.failure.scimType})</> : null}
                </span>
              ) : null}
            </div>
          </Callout>
        ) : null}
        <dl className="kv">
          <dt>Status</dt>
          <dd>
            <HttpStatusBadge status={entry.status} />
          </dd>
          <dt>Time</dt>
          <dd>{formatDateTime(entry.time)}</dd>
          <dt>Duration</dt>
          <dd>{entry.duration_ms} ms</dd>
          <dt>Client</dt>
          <dd>{entry.user_agent ?? '—'}</dd>
          <dt>Path</dt>
          <dd className="mono">{entry.path}</dd>
        </dl>
        <div className="stack-sm">
          <h3>Request body</h3>
          <pre className="code-block">{entry.request_body === null || entry.request_body === undefined ? '(none)' : JSON.stringify(entry.request_body, null, 2)}</pre>
        </div>
        <div className="stack-sm">
          <h3>Response body</h3>
          <pre className="code-block">{entry.response_body === null || entry.response_body === undefined ? '(none)' : JSON.stringify(entry.response_body, null, 2)}</pre>
        </div>
      </div>
    </Dialog>
  );
}
