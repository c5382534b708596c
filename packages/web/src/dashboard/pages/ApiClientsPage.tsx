import { useState } from 'react';
import { bodyOf } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useAction, useAsync, useSubmit } from '../../shared/hooks.js';
import type { ApiClientInfo } from '../../shared/types.js';
import { CopyField } from '../../shared/ui/copy.js';
import { ConfirmDialog, Dialog, FormActions } from '../../shared/ui/dialog.js';
import { Callout, EmptyState } from '../../shared/ui/feedback.js';
import { DataView } from '../../shared/ui/data-view.js';
import { Field } from '../../shared/ui/forms.js';
import { PlusIcon } from '../../shared/ui/icons.js';
import { useToast } from '../../shared/ui/toast.js';
import { Table } from '../../shared/ui/table.js';
import { useDashboard } from '../context.js';

export function ApiClientsPage() {
  const { api } = useDashboard();
  const toast = useToast();
  const clients = useAsync(async () => (await bodyOf(api.management.GET('/api/v1/clients', { params: { query: { page_size: 100 } } }))).clients, [api]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ client: ApiClientInfo; plain_secret: string }>();
  const [revoking, setRevoking] = useState<ApiClientInfo>();
  const { busy, run: revoke } = useAction(async (client: ApiClientInfo) => {
    await bodyOf(api.management.POST('/api/v1/clients/{client_id}:revoke', { params: { path: { client_id: client.id } } }));
    setRevoking(undefined);
    void clients.reload();
  }, toast.error);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>API clients</h1>
          <p>Credentials of your backend. Exchange them at POST /oauth/token (client credentials) for a short-lived access token.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <PlusIcon /> New API client
        </button>
      </div>
      {created ? (
        <Callout tone="success" title={`API client “${created.client.name}” created`}>
          <div className="stack-sm">
            <span>Copy the secret now: it is shown only once.</span>
            <div className="grid-2">
              <div className="field">
                <span className="label">client_id</span>
                <CopyField value={created.client.id} label="client id" />
              </div>
              <div className="field">
                <span className="label">client_secret</span>
                <CopyField value={created.plain_secret} label="client secret" secret />
              </div>
            </div>
          </div>
        </Callout>
      ) : null}
      <div className="card">
        <DataView state={clients} columns={3} isEmpty={(items) => items.length === 0} empty={
          <EmptyState title="No API clients">Create one for your backend.</EmptyState>
        }>
          {(items) => (
            <Table label="API clients" columns={['Client', 'State', 'Created', '']}>
              {items.map((client) => (
                <tr key={client.id}>
                  <td>
                    <div className="cell-primary">{client.name}</div>
                    <div className="cell-sub mono">{client.id}</div>
                  </td>
                  <td>{client.revoke_time ? <span className="badge">Revoked {formatDateTime(client.revoke_time)}</span> : <span className="badge badge-success">Active</span>}</td>
                  <td className="muted">{formatDateTime(client.create_time)}</td>
                  <td style={{ textAlign: 'right' }}>
                    {client.revoke_time ? null : (
                      <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setRevoking(client)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </DataView>
      </div>
      {creating ? <CreateClientDialog onClose={() => setCreating(false)} onCreated={(result) => { setCreated(result); setCreating(false); void clients.reload(); }} /> : null}
      {revoking ? (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          confirmLabel="Revoke client"
          danger
          busy={busy}
          onClose={() => setRevoking(undefined)}
          onConfirm={() => void revoke(revoking)}
        >
          Its secret and every access token issued to it stop working at once.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function CreateClientDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (result: { client: ApiClientInfo; plain_secret: string }) => void }) {
  const { api } = useDashboard();
  const [name, setName] = useState('');
  const { busy, error, submit } = useSubmit(async () => onCreated(await bodyOf(api.management.POST('/api/v1/clients', { body: { name: name.trim() } }))));
  return (
    <Dialog title="New API client" onClose={onClose}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Field label="Name" hint="What it is for, e.g. Production backend.">
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" value={name} onChange={(event) => setName(event.target.value)} required />}
        </Field>
        <FormActions label="Create client" onCancel={onClose} busy={busy} disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
