import { useState } from 'react';
import { EVENT_TYPES } from '../../shared/event-types.js';
import { formatDateTime, timeAgo } from '../../shared/format.js';
import { useAsync, useInterval } from '../../shared/hooks.js';
import type { RosterEvent } from '../../shared/types.js';
import { Dialog } from '../../shared/ui/dialog.js';
import { EmptyState } from '../../shared/ui/feedback.js';
import { DataView } from '../../shared/ui/data-view.js';
import { dashboardRoutes } from '../../shared/web-routes.js';
import { Switch } from '../../shared/ui/forms.js';
import { ActivityIcon } from '../../shared/ui/icons.js';
import { LoadOlder } from '../../shared/ui/load-older.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

function eventTone(type: string): string {
  if (type.endsWith('_deleted') || type.endsWith('.deleted') || type.endsWith('_disabled') || type.endsWith('_revoked')) return 'badge-danger';
  if (type.endsWith('_created') || type.endsWith('.created') || type.endsWith('_enabled')) return 'badge-success';
  return 'badge-accent';
}

/** What an event is about, in a few words: the user's email, the group's name, or the object's id. */
function subject(event: RosterEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  for (const key of ['email', 'preferred_username', 'display_name', 'name', 'id']) if (typeof data[key] === 'string') return data[key] as string;
  return event.object;
}

export function EventsPage() {
  const { api } = useDashboard();
  const [type, setType] = useState('');
  const [follow, setFollow] = useState(true);
  const [older, setOlder] = useState<RosterEvent[]>([]);
  const [olderToken, setOlderToken] = useState<string>();
  const [open, setOpen] = useState<RosterEvent>();
  const page = useAsync(() => api.call(dashboardRoutes.events, { limit: 50, type }), [api, type]);
  useInterval(() => void page.reload(), 4000, follow && older.length === 0);
  const events = [...(page.data?.events ?? []), ...older];
  const nextToken = older.length > 0 ? olderToken : page.data?.next_page_token;

  const loadOlder = async () => {
    if (!nextToken) return;
    const next = await api.call(dashboardRoutes.events, { limit: 50, type, pageToken: nextToken });
    setOlder((current) => [...current, ...next.events]);
    setOlderToken(next.next_page_token || undefined);
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Events</h1>
          <p>Every change Roster recorded, newest first. Your backend reads the same log in commit order from the Events API, or receives it by webhook.</p>
        </div>
        <Switch checked={follow} onChange={setFollow} label="Live" />
      </div>
      <div className="card">
        <div className="card-header">
          <select
            className="select"
            style={{ width: 'auto', minWidth: 280 }}
            aria-label="Event type"
            value={type}
            onChange={(event) => {
              setType(event.target.value);
              setOlder([]);
            }}
          >
            <option value="">All event types</option>
            {EVENT_TYPES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <DataView state={page} columns={4} isEmpty={() => events.length === 0} empty={
          <EmptyState icon={<ActivityIcon size={20} />} title="No events yet">
            Events appear when identity providers push users and groups, and when directories or their tokens change.
          </EmptyState>
        }>
          {() => (
            <>
              <Table label="Events" columns={['Type', 'Subject', 'Organization', 'When']}>
                {events.map((event) => (
                  <tr key={event.id} className="clickable" onClick={() => setOpen(event)}>
                    <td>
                      <button type="button" className="btn-link" onClick={() => setOpen(event)}>
                        <span className={`badge ${eventTone(event.type)} mono`}>{event.type.replace('organization.', '')}</span>
                      </button>
                    </td>
                    <td className="truncate" style={{ maxWidth: 320 }}>
                      {subject(event)}
                    </td>
                    <td className="mono small muted">{event.organization_id ?? '—'}</td>
                    <td className="muted nowrap" title={formatDateTime(event.occurred_at)}>
                      {timeAgo(event.occurred_at)}
                    </td>
                  </tr>
                ))}
              </Table>
              {nextToken ? <LoadOlder shown={`${events.length} events shown`} label="Older events" onLoad={loadOlder} /> : null}
            </>
          )}
        </DataView>
      </div>
      {open ? (
        <Dialog title={open.type} onClose={() => setOpen(undefined)} wide footer={<button type="button" className="btn" onClick={() => setOpen(undefined)}>Close</button>}>
          <pre className="code-block" style={{ maxHeight: 480 }}>
            {JSON.stringify(open, null, 2)}
          </pre>
        </Dialog>
      ) : null}
    </div>
  );
}
