import { useMemo, useState } from 'react';
import { bodyOf, noContent } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useAsync, useInterval } from '../../shared/hooks.js';
import { Link, useRouter } from '../../shared/router.js';
import type { Webhook, WebhookDelivery } from '../../shared/types.js';
import { ConfirmDialog } from '../../shared/ui/dialog.js';
import { DataView, pageFrame, type Loaded } from '../../shared/ui/data-view.js';
import { Callout, Loading } from '../../shared/ui/feedback.js';
import { Switch } from '../../shared/ui/forms.js';
import { useToast } from '../../shared/ui/toast.js';
import { useDashboard } from '../context.js';
import { DeliveriesCard } from './webhook/DeliveriesCard.js';
import { DeliveryDialog } from './webhook/DeliveryDialog.js';
import { ReplaySinceDialog } from './webhook/ReplaySinceDialog.js';
import { WebhookActions } from './webhook/WebhookActions.js';
import { webhookCalls, type DeliveryStatus, type WebhookCalls } from './webhook/webhook-calls.js';
import { WebhookFormDialog, webhookState } from './WebhooksPage.js';

// One webhook endpoint: its state and settings, actions (webhook/WebhookActions.tsx), its
// deliveries (webhook/DeliveriesCard.tsx) and their attempts (webhook/DeliveryDialog.tsx).

export function WebhookPage({ webhookId }: { webhookId: string }) {
  const { api } = useDashboard();
  const calls = useMemo(() => webhookCalls(api, webhookId), [api, webhookId]);
  const webhook = useAsync(async () => (await bodyOf(calls.get())).webhook, [calls]);
  // The deliveries load with the endpoint, not after it.
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const deliveries = useAsync(() => bodyOf(calls.deliveries(status)), [calls, status]);
  useInterval(() => void deliveries.reload(), 5000);
  return (
    <DataView state={webhook} errorTitle="The endpoint could not be loaded" errorFrame={pageFrame} loading={<Loading />}>
      {(endpoint) => <WebhookView endpoint={endpoint} onChanged={webhook.setData} calls={calls} deliveries={deliveries} status={status} onStatus={setStatus} />}
    </DataView>
  );
}

interface WebhookViewProps {
  endpoint: Webhook;
  onChanged: (webhook: Webhook) => void;
  calls: WebhookCalls;
  deliveries: Loaded<{ deliveries: WebhookDelivery[] }>;
  status: DeliveryStatus | '';
  onStatus: (status: DeliveryStatus | '') => void;
}

function WebhookView({ endpoint, onChanged, calls, deliveries, status, onStatus }: WebhookViewProps) {
  const { navigate } = useRouter();
  const toast = useToast();
  const webhookId = endpoint.id;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [replaySince, setReplaySince] = useState(false);
  const [open, setOpen] = useState<WebhookDelivery>();
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
              onChange={(enabled) => void act('toggle', async () => onChanged((await bodyOf(calls.setEnabled(enabled))).webhook))}
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

      <WebhookActions webhookId={webhookId} calls={calls} busy={busy} act={act} onReplaySince={() => setReplaySince(true)} />

      <DeliveriesCard
        calls={calls}
        deliveries={deliveries}
        status={status}
        onStatus={onStatus}
        busy={busy}
        act={act}
        onOpen={setOpen}
        onReplayed={() => void deliveries.reload()}
      />

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

      {editing ? <WebhookFormDialog webhook={endpoint} onClose={() => setEditing(false)} onSaved={(result) => { onChanged(result.webhook); setEditing(false); }} /> : null}
      {open ? <DeliveryDialog calls={calls} delivery={open} onClose={() => setOpen(undefined)} /> : null}
      {replaySince ? <ReplaySinceDialog calls={calls} onClose={() => setReplaySince(false)} onDone={() => void deliveries.reload()} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          danger
          busy={busy === 'delete'}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            void act('delete', async () => {
              await noContent(calls.remove());
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
