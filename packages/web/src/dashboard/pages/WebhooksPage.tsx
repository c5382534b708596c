import { useState } from 'react';
import { bodyOf } from '../../shared/api.js';
import { EVENT_TYPES } from '../../shared/event-types.js';
import { timeAgo } from '../../shared/format.js';
import { useAsync, useSubmit } from '../../shared/hooks.js';
import { useRouter } from '../../shared/router.js';
import type { Webhook } from '../../shared/types.js';
import { CopyField } from '../../shared/ui/copy.js';
import { Dialog, FormActions } from '../../shared/ui/dialog.js';
import { Callout, EmptyState } from '../../shared/ui/feedback.js';
import { DataView } from '../../shared/ui/data-view.js';
import { Field } from '../../shared/ui/forms.js';
import { PlusIcon, WebhookIcon } from '../../shared/ui/icons.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

export function webhookState(webhook: Webhook): { label: string; tone: string } {
  if (!webhook.enabled) return webhook.disabled_reason === 'failing' ? { label: 'Disabled: failing', tone: 'badge-danger' } : { label: 'Disabled', tone: '' };
  if (webhook.failing_since) return { label: 'Failing', tone: 'badge-warning' };
  return { label: 'Enabled', tone: 'badge-success' };
}

export function WebhooksPage() {
  const { api } = useDashboard();
  const { navigate } = useRouter();
  const list = useAsync(async () => (await bodyOf(api.management.GET('/api/v1/webhooks'))).webhooks, [api]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ webhook: Webhook; secret: string }>();

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Webhooks</h1>
          <p>Endpoints of your application that receive events, signed per Standard Webhooks and retried for about three days.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <PlusIcon /> Add endpoint
        </button>
      </div>
      {created ? (
        <Callout tone="success" title={`Endpoint created: ${created.webhook.url}`}>
          <div className="stack-sm">
            <span>Its signing secret is shown only now. Verify deliveries with it (the SDK’s verifyWebhookPayload, or any Standard Webhooks library).</span>
            <CopyField value={created.secret} label="signing secret" secret testId="webhook-secret" />
          </div>
        </Callout>
      ) : null}
      <div className="card">
        <DataView state={list} columns={4} isEmpty={(items) => items.length === 0} empty={
          <EmptyState icon={<WebhookIcon size={20} />} title="No webhook endpoints" action={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Add an endpoint</button>}>
            Add an endpoint to be told about every user and group change as it happens.
          </EmptyState>
        }>
          {(items) => (
            <Table label="Webhook endpoints" columns={['Endpoint', 'State', 'Events', 'Last success']}>
              {items.map((webhook) => {
                const state = webhookState(webhook);
                return (
                  <tr key={webhook.id} className="clickable" onClick={() => navigate(`/webhooks/${webhook.id}`)}>
                    <td>
                      <a className="cell-primary mono" href={`/dashboard/webhooks/${webhook.id}`} onClick={(event) => { event.preventDefault(); navigate(`/webhooks/${webhook.id}`); }}>
                        {webhook.url}
                      </a>
                      <div className="cell-sub">{webhook.description || webhook.id}</div>
                    </td>
                    <td>
                      <span className={`badge ${state.tone}`}>{state.label}</span>
                    </td>
                    <td className="muted">{webhook.event_types.length === 0 ? 'All events' : `${webhook.event_types.length} types`}</td>
                    <td className="muted nowrap">{timeAgo(webhook.last_success_time)}</td>
                  </tr>
                );
              })}
            </Table>
          )}
        </DataView>
      </div>
      {creating ? (
        <WebhookFormDialog
          onClose={() => setCreating(false)}
          onSaved={(result) => {
            setCreating(false);
            if ('secret' in result) setCreated(result);
            void list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

export function WebhookFormDialog({ webhook, onClose, onSaved }: { webhook?: Webhook; onClose: () => void; onSaved: (result: { webhook: Webhook; secret: string } | { webhook: Webhook }) => void }) {
  const { api } = useDashboard();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [types, setTypes] = useState<string[]>(webhook?.event_types ?? []);
  const [organizationId, setOrganizationId] = useState(webhook?.organization_id ?? '');
  const { busy, error, submit } = useSubmit(async () => {
    const body = { url: url.trim(), description, event_types: types, organization_id: organizationId.trim() || null };
    if (webhook) onSaved(await bodyOf(api.management.PATCH('/api/v1/webhooks/{webhook_id}', { params: { path: { webhook_id: webhook.id } }, body })));
    else onSaved(await bodyOf(api.management.POST('/api/v1/webhooks', { body })));
  });

  return (
    <Dialog title={webhook ? 'Edit endpoint' : 'Add a webhook endpoint'} onClose={onClose} wide>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Field label="URL" hint="Where events are POSTed. Use https:// in production.">
          {(id, describedBy) => <input id={id} className="input input-mono" aria-describedby={describedBy} value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://app.example.com/webhooks/roster" required />}
        </Field>
        <Field label="Description">{(id) => <input id={id} className="input" value={description} onChange={(event) => setDescription(event.target.value)} placeholder="Production user sync" />}</Field>
        <Field label="Only this organization" hint="Leave empty to receive every organization’s events.">
          {(id, describedBy) => <input id={id} className="input input-mono" aria-describedby={describedBy} value={organizationId} onChange={(event) => setOrganizationId(event.target.value)} placeholder="org_…" />}
        </Field>
        <fieldset className="stack-sm" style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend className="label" style={{ marginBottom: 6 }}>
            Event types <span className="hint">(none ticked: all)</span>
          </legend>
          <div className="grid-2" style={{ gap: 6 }}>
            {EVENT_TYPES.map((name) => (
              <label key={name} className="checkbox small mono">
                <input type="checkbox" checked={types.includes(name)} onChange={(event) => setTypes((current) => (event.target.checked ? [...current, name] : current.filter((item) => item !== name)))} />
                {name.replace('organization.', '')}
              </label>
            ))}
          </div>
        </fieldset>
        <FormActions label={webhook ? 'Save changes' : 'Add endpoint'} onCancel={onClose} busy={busy} disabled={!url.trim()} />
      </form>
    </Dialog>
  );
}
