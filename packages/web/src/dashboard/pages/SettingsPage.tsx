import { useEffect, useState } from 'react';
import { formatDateTime, timeAgo } from '../../shared/format.js';
import { useAsync, useSubmit } from '../../shared/hooks.js';
import { ConfirmDialog } from '../../shared/ui/dialog.js';
import { DataView } from '../../shared/ui/data-view.js';
import { Callout } from '../../shared/ui/feedback.js';
import { Field } from '../../shared/ui/forms.js';
import { useToast } from '../../shared/ui/toast.js';
import { Table } from '../../shared/ui/table.js';
import { dashboardRoutes, type DashboardAdmin } from '../../shared/web-routes.js';
import { useDashboard } from '../context.js';

export function SettingsPage() {
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>Where the admin portal may be embedded, and who can sign in to this dashboard.</p>
        </div>
      </div>
      <AllowedOriginsCard />
      <AdminsCard />
    </div>
  );
}

function AllowedOriginsCard() {
  const { api } = useDashboard();
  const toast = useToast();
  const origins = useAsync(() => api.call(dashboardRoutes.allowedOrigins), [api]);
  const [text, setText] = useState('');
  useEffect(() => {
    if (origins.data) setText(origins.data.stored.join('\n'));
  }, [origins.data]);

  const { busy, error, submit: save } = useSubmit(async () => {
    origins.setData(await api.call(dashboardRoutes.setAllowedOrigins, text.split(/[\s,]+/).filter(Boolean)));
    toast.show('Allowed origins saved');
  });

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Portal embedding</div>
          <div className="card-description">Origins of your application’s pages that may show the admin portal in an iframe. Browsers refuse to frame it anywhere else, and the portal sends its events only to these origins.</div>
        </div>
      </div>
      <DataView state={origins} rows={2} columns={1}>
        {({ environment }) => (
          <form className="card-body stack" onSubmit={(event) => void save(event)}>
            {error ? <Callout tone="danger">{error}</Callout> : null}
            <Field label="Allowed origins" hint="One per line, scheme and host only: https://app.example.com">
              {(id, describedBy) => <textarea id={id} aria-describedby={describedBy} className="textarea input-mono" rows={4} value={text} onChange={(event) => setText(event.target.value)} />}
            </Field>
            {environment.length > 0 ? (
              <p className="hint">
                Also allowed by ROSTER_PORTAL_ALLOWED_ORIGINS: <span className="mono">{environment.join(', ')}</span>
              </p>
            ) : null}
            <details className="disclosure">
              <summary>How to embed the portal</summary>
              <div className="stack-sm" style={{ marginTop: 8 }}>
                <p className="muted">Generate a portal link from your backend for the signed-in customer, and show it in an iframe. Listen for the portal’s events:</p>
                <pre className="code-block">{`<iframe src="{link.location}" allow="clipboard-write" style="width:100%;height:800px;border:0"></iframe>

window.addEventListener('message', (event) => {
  if (event.origin !== 'https://roster.example.com') return;
  // event.data.event_type: ORGANIZATION_DIRECTORY_ENABLED, ORGANIZATION_DIRECTORY_DISABLED,
  //                        PORTAL_SESSION_WARNING, PORTAL_SESSION_EXPIRY
});`}</pre>
              </div>
            </details>
            <div>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? <span className="spinner" aria-hidden="true" /> : null}
                Save origins
              </button>
            </div>
          </form>
        )}
      </DataView>
    </div>
  );
}

function AdminsCard() {
  const { api, admin } = useDashboard();
  const toast = useToast();
  const admins = useAsync(async () => (await api.call(dashboardRoutes.admins)).admins, [api]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [removing, setRemoving] = useState<DashboardAdmin>();

  const { busy, error, submit: add } = useSubmit(async () => {
    await api.call(dashboardRoutes.addAdmin, { email, password });
    setEmail('');
    setPassword('');
    toast.show(`${email} can now sign in`);
    void admins.reload();
  });

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Administrators</div>
          <div className="card-description">People who can sign in to this dashboard. Passwords are stored as scrypt hashes.</div>
        </div>
      </div>
      <DataView state={admins} rows={2} columns={3}>
        {(items) => (
          <Table label="Administrators" columns={['Email', 'Last sign-in', 'Added', '']}>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="cell-primary">
                  {item.email} {item.id === admin.id ? <span className="badge">You</span> : null}
                </td>
                <td className="muted">{timeAgo(item.last_login_time)}</td>
                <td className="muted">{formatDateTime(item.create_time)}</td>
                <td style={{ textAlign: 'right' }}>
                  {item.id === admin.id ? null : (
                    <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setRemoving(item)}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </DataView>
      <form className="card-footer stack-sm" onSubmit={(event) => void add(event)}>
        <span className="label">Add an administrator</span>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div className="grow" style={{ minWidth: 200 }}>
            <Field label="Email">{(id) => <input id={id} className="input" type="email" value={email} onChange={(event) => setEmail(event.target.value)} />}</Field>
          </div>
          <div className="grow" style={{ minWidth: 200 }}>
            <Field label="Initial password (12+ characters)">{(id) => <input id={id} className="input" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}</Field>
          </div>
          <button type="submit" className="btn" disabled={busy || !email || password.length < 12}>
            Add administrator
          </button>
        </div>
      </form>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.email}?`}
          confirmLabel="Remove"
          danger
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            try {
              await api.call(dashboardRoutes.removeAdmin, removing.id);
              setRemoving(undefined);
              void admins.reload();
            } catch (caught) {
              toast.error(caught);
            }
          }}
        >
          They are signed out everywhere and cannot sign in again.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
