import { useState } from 'react';
import { query } from '../../shared/api.js';
import { formatDateTime, plural, timeAgo } from '../../shared/format.js';
import { useAsync, useInterval } from '../../shared/hooks.js';
import { Link, useRouter } from '../../shared/router.js';
import type { Webhook, WebhookAttempt, WebhookDelivery } from '../../shared/types.js';
import { CopyField } from '../../shared/ui/copy.js';
import { ConfirmDialog, Dialog } from '../../shared/ui/dialog.js';
import { Callout, EmptyState, ErrorState, Loading, SkeletonRows } from '../../shared/ui/feedback.js';
import { Field, Switch } from '../../shared/ui/forms.js';
import { PlayIcon, RefreshIcon } from '../../shared/ui/icons.js';
import { HttpStatusBadge } from '../../shared/ui/status.js';
import { useToast } from '../../shared/ui/toast.js';
import { useDashboard } from '../context.js';
import { WebhookFormDialog, webhookState } from './WebhooksPage.js';

interface TestResult {
  event_id: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

const DELIVERY_TONE: Record<WebhookDelivery['status'], string> = { pending: 'badge-accent', succeeded: 'badge-success', dead: 'badge-danger' };

export function WebhookPage({ webhookId }: { webhookId: string }) {
  const { api } = useDashboard();
  const { navigate } = useRouter();
  const toast = useToast();
  const base = `/api/v1/webhooks/${encodeURIComponent(webhookId)}`;
  const webhook = useAsync(async () => (await api.get<{ webhook: Webhook }>(base)).webhook, [api, base]);
  const [status, setStatus] = useState('');
  const deliveries = useAsync(() => api.get<{ deliveries: WebhookDelivery[]; next_page_token: string }>(`${base}/deliveries${query({ status, page_size: 50 })}`), [api, base, status]);
  useInterval(() => void deliveries.reload(), 5000);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [test, setTest] = useState<TestResult>();
  const [busy, setBusy] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [replaySince, setReplaySince] = useState(false);
  const [open, setOpen] = useState<WebhookDelivery>();

  if (webhook.error) return <div className="page"><ErrorState error={webhook.error} onRetry={() => void webhook.reload()} title="The endpoint could not be loaded" /></div>;
  if (!webhook.data) return <Loading />;
  const endpoint = webhook.data;
  const state = webhookState(endpoint);

  const act = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="page">
      <div>
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/webhooks">Webhooks</Link> <span aria-hidden="true">/</span> <span className="mono">{endpoint.id}</span>
        </nav>
        <div className="page-header">
          <div className="grow">
            <h1 className="mono" style={{ fontSize: 18, overflowWrap: 'anywhere' }}>
              {endpoint.url}
            </h1>
            <p>
              <span className={`badge ${state.tone}`}>{state.label}</span> {endpoint.description ? `· ${endpoint.description}` : ''} · {endpoint.event_types.length === 0 ? 'all events' : endpoint.event_types.join(', ')}
              {endpoint.organization_id ? ` · only ${endpoint.organization_id}` : ''}
            </p>
          </div>
          <div className="row">
            <Switch
              checked={endpoint.enabled}
              disabled={busy !== undefined}
              label="Enabled"
              onChange={(enabled) => void act('toggle', async () => webhook.setData((await api.patch<{ webhook: Webhook }>(base, { enabled })).webhook))}
            />
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit
            </button>
          </div>
        </div>
      </div>

      {endpoint.failing_since ? (
        <Callout tone="warning" title={`Failing since ${formatDateTime(endpoint.failing_since)}`}>
          Deliveries are retried with backoff for about three days; an endpoint that keeps failing is disabled. Fix the receiver, then replay what it missed.
        </Callout>
      ) : null}

      <div className="grid-3">
        <div className="card card-body stack-sm">
          <h3>Send a test event</h3>
          <p className="muted">One signed <span className="mono">webhook.test</span> POST, now, to check the receiver and its signature check.</p>
          <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} disabled={busy !== undefined} onClick={() => void act('test', async () => setTest((await api.post<{ result: TestResult }>(`/api/v1/dashboard/webhooks/${encodeURIComponent(webhookId)}:test`)).result))}>
            {busy === 'test' ? <span className="spinner" aria-hidden="true" /> : <PlayIcon />} Send test event
          </button>
          {test ? (
            <div className="small" data-testid="test-result">
              {test.status_code !== null ? <HttpStatusBadge status={test.status_code} /> : <span className="badge badge-danger">No response</span>} in {test.latency_ms} ms{test.error ? ` · ${test.error}` : ''}
            </div>
          ) : null}
        </div>
        <div className="card card-body stack-sm">
          <h3>Signing secret</h3>
          <p className="muted">Rotate it: deliveries carry a signature for the old and the new secret for 24 hours.</p>
          <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} disabled={busy !== undefined} onClick={() => void act('rotate', async () => setSecret((await api.post<{ secret: string }>(`${base}/secrets:rotate`, {})).secret))}>
            {busy === 'rotate' ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon />} Rotate secret
          </button>
          {secret ? <CopyField value={secret} label="new signing secret" secret /> : null}
        </div>
        <div className="card card-body stack-sm">
          <h3>Replay</h3>
          <p className="muted">Send every event since a time again, for example after an outage of the receiver.</p>
          <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} onClick={() => setReplaySince(true)}>
            <RefreshIcon /> Replay since…
          </button>
        </div>
      </div>

      <div className="card">
        <div className="card-header">
          <div>
            <div className="card-title">Deliveries</div>
            <div className="card-description">Newest event first. Open one for its attempts.</div>
          </div>
          <select className="select" style={{ width: 'auto' }} aria-label="Delivery status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">All deliveries</option>
            <option value="pending">Pending</option>
            <option value="succeeded">Succeeded</option>
            <option value="dead">Dead</option>
          </select>
        </div>
        {deliveries.error ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.reload()} />
        ) : !deliveries.data ? (
          <SkeletonRows columns={5} />
        ) : deliveries.data.deliveries.length === 0 ? (
          <EmptyState title="No deliveries yet">Deliveries appear when events occur after the endpoint was created.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Deliveries">
              <thead>
                <tr>
                  <th>Event</th>
                  <th>Status</th>
                  <th>Attempts</th>
                  <th>Last response</th>
                  <th>Last attempt</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {deliveries.data.deliveries.map((delivery) => (
                  <tr key={delivery.event_id} className={delivery.status === 'dead' ? 'row-danger' : undefined}>
                    <td>
                      <button type="button" className="btn-link mono" onClick={() => setOpen(delivery)}>
                        {delivery.event_id}
                      </button>
                    </td>
                    <td>
                      <span className={`badge ${DELIVERY_TONE[delivery.status]}`} data-testid="delivery-status">
                        {delivery.status}
                      </span>
                    </td>
                    <td>{delivery.attempts}</td>
                    <td>{delivery.last_status_code !== null ? <HttpStatusBadge status={delivery.last_status_code} /> : <span className="muted small">{delivery.last_error ?? '—'}</span>}</td>
                    <td className="muted nowrap">{timeAgo(delivery.last_attempt_time)}</td>
                    <td style={{ textAlign: 'right' }}>
                      <button
                        type="button"
                        className="btn btn-sm"
                        aria-label={`Replay ${delivery.event_id}`}
                        disabled={busy !== undefined}
                        onClick={() =>
                          void act(`replay-${delivery.event_id}`, async () => {
                            await api.post(`${base}:replay`, { event_id: delivery.event_id });
                            toast.show('Delivery queued again');
                            void deliveries.reload();
                          })
                        }
                      >
                        Replay
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <div className="card card-body row-between">
        <div className="grow">
          <h3>Delete endpoint</h3>
          <p className="muted" style={{ marginTop: 4 }}>
            Stops deliveries and deletes its delivery log.
          </p>
        </div>
        <button type="button" className="btn btn-danger-outline" onClick={() => setDeleting(true)}>
          Delete endpoint
        </button>
      </div>

      {editing ? <WebhookFormDialog webhook={endpoint} onClose={() => setEditing(false)} onSaved={(result) => { webhook.setData(result.webhook); setEditing(false); }} /> : null}
      {open ? <DeliveryDialog base={base} delivery={open} onClose={() => setOpen(undefined)} /> : null}
      {replaySince ? <ReplaySinceDialog base={base} onClose={() => setReplaySince(false)} onDone={() => void deliveries.reload()} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          danger
          busy={busy === 'delete'}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            void act('delete', async () => {
              await api.delete(base);
              navigate('/webhooks');
            })
          }
        >
          Events stop being delivered to {endpoint.url}.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function DeliveryDialog({ base, delivery, onClose }: { base: string; delivery: WebhookDelivery; onClose: () => void }) {
  const { api } = useDashboard();
  const detail = useAsync(() => api.get<{ delivery: WebhookDelivery; attempt_log: WebhookAttempt[] }>(`${base}/deliveries/${encodeURIComponent(delivery.event_id)}`), [api, base, delivery.event_id]);
  return (
    <Dialog title={`Delivery of ${delivery.event_id}`} onClose={onClose} wide footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={() => void detail.reload()} />
      ) : !detail.data ? (
        <Loading />
      ) : (
        <div className="stack">
          <dl className="kv">
            <dt>Status</dt>
            <dd>{detail.data.delivery.status}</dd>
            <dt>Attempts</dt>
            <dd>{detail.data.delivery.attempts}</dd>
            <dt>Next attempt</dt>
            <dd>{formatDateTime(detail.data.delivery.next_attempt_time)}</dd>
            <dt>Completed</dt>
            <dd>{formatDateTime(detail.data.delivery.complete_time)}</dd>
          </dl>
          <h3>{plural(detail.data.attempt_log.length, 'attempt')}</h3>
          {detail.data.attempt_log.length === 0 ? <p className="muted">Not attempted yet.</p> : null}
          {detail.data.attempt_log.map((attempt) => (
            <div key={attempt.attempt} className="card card-body stack-sm">
              <div className="row-between">
                <strong>Attempt {attempt.attempt}</strong>
                <span className="muted small">{formatDateTime(attempt.attempt_time)}</span>
              </div>
              <div className="row">
                {attempt.status_code !== null ? <HttpStatusBadge status={attempt.status_code} /> : <span className="badge badge-danger">No response</span>}
                <span className="muted small">{attempt.latency_ms} ms</span>
                {attempt.error ? <span className="small" style={{ color: 'var(--danger)' }}>{attempt.error}</span> : null}
              </div>
              {attempt.response_excerpt ? <pre className="code-block">{attempt.response_excerpt}</pre> : null}
            </div>
          ))}
        </div>
      )}
    </Dialog>
  );
}

function ReplaySinceDialog({ base, onClose, onDone }: { base: string; onClose: () => void; onDone: () => void }) {
  const { api } = useDashboard();
  const toast = useToast();
  const [since, setSince] = useState(() => new Date(Date.now() - 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title="Replay events since…"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const { replayed } = await api.post<{ replayed: number }>(`${base}:replay`, { since: new Date(since).toISOString() });
                toast.show(`${plural(replayed, 'delivery', 'deliveries')} queued again`);
                onDone();
                onClose();
              } catch (error) {
                toast.error(error);
                setBusy(false);
              }
            }}
          >
            Replay
          </button>
        </>
      }
    >
      <Field label="Since (your local time)" hint="Every event since then that the endpoint subscribes to is delivered again, whatever its state.">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />}
      </Field>
    </Dialog>
  );
}
