import { useState } from 'react';
import type { SyncApi } from '../shared/directory/sync-api.js';
import type { Directory } from '../shared/types.js';
import { CopyField } from '../shared/ui/copy.js';
import { Callout } from '../shared/ui/feedback.js';
import { Field } from '../shared/ui/forms.js';
import { useToast } from '../shared/ui/toast.js';
import { isEmbedded } from './embed-events.js';

// Connecting Google Workspace, in the words of Google's consoles. Two ways: a super admin signs
// in with Google and allows read-only access (OAuth consent; offered when the application's
// team registered an OAuth client), or a service account with domain-wide delegation (for
// organizations whose policy forbids third-party OAuth apps).

export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
];

export function GoogleWorkspaceSetup({ directory, sync, consentAvailable, onChanged }: { directory: Directory; sync: SyncApi; consentAvailable: boolean; onChanged: (directory: Directory) => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [keyText, setKeyText] = useState<string>();
  const [keyName, setKeyName] = useState<string>();
  const [adminEmail, setAdminEmail] = useState(directory.source?.connection?.admin_email ?? '');
  const [error, setError] = useState<string>();
  const connected = directory.source?.connection;

  const signIn = async () => {
    setBusy(true);
    try {
      const url = await sync.startGoogleConsent?.();
      if (!url) return;
      // Google's consent screen cannot be framed: leave the frame for it.
      if (isEmbedded()) window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    } catch (caught) {
      toast.error(caught);
      setBusy(false);
    }
  };

  const readKey = async (file: File | undefined) => {
    setError(undefined);
    if (!file) return;
    const text = await file.text();
    try {
      const parsed = JSON.parse(text) as { type?: string; client_email?: string };
      if (parsed.type !== 'service_account' || !parsed.client_email) throw new Error('not a service account key');
      setKeyText(text);
      setKeyName(`${file.name} · ${parsed.client_email}`);
    } catch {
      setKeyText(undefined);
      setKeyName(undefined);
      setError('This is not a service account key file: download a JSON key of the service account from Google Cloud.');
    }
  };

  const connectServiceAccount = async () => {
    if (!keyText) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await sync.updateSource({ credentials: { service_account_key: keyText, admin_email: adminEmail.trim() } }));
      toast.show('Service account saved: syncing now');
      setKeyText(undefined);
      setKeyName(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack-lg" data-testid="google-setup">
      {connected ? (
        <Callout tone="success" title="Google Workspace is connected">
          {connected.kind === 'oauth' ? 'Connected with a Google admin’s consent.' : `Connected with the service account ${connected.service_account ?? ''}, acting as ${connected.admin_email ?? ''}.`} Connect again below to
          replace the access, for example after it was revoked.
        </Callout>
      ) : null}
      {consentAvailable ? (
        <section className="stack">
          <h3>Sign in with Google (recommended)</h3>
          <p className="muted">
            A Google Workspace super administrator signs in and allows <strong>read-only</strong> access to users, groups and group members. Roster never changes
            anything in Google. You can revoke the access at any time in the Google Admin console under <strong>Security › Access and data control › API controls</strong>.
          </p>
          {isEmbedded() ? <p className="small muted">Google’s sign-in opens in a new tab.</p> : null}
          <div>
            <button type="button" className="btn btn-primary" data-testid="google-sign-in" onClick={() => void signIn()} disabled={busy}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Sign in with Google
            </button>
          </div>
        </section>
      ) : null}
      <section className="stack">
        <h3>{consentAvailable ? 'Or: a service account with domain-wide delegation' : 'Connect with a service account (domain-wide delegation)'}</h3>
        <ol className="stack-sm" style={{ paddingLeft: 20, margin: 0 }}>
          <li>
            In the <strong>Google Cloud console</strong>, pick or create a project, open <strong>APIs & Services › Library</strong> and enable the <strong>Admin SDK API</strong>.
          </li>
          <li>
            Under <strong>IAM & Admin › Service Accounts</strong>, <strong>Create service account</strong> (no roles are needed). On its <strong>Keys</strong> tab choose{' '}
            <strong>Add key › Create new key › JSON</strong>: a key file downloads. Note the account’s <strong>Unique ID</strong> (its client ID).
          </li>
          <li>
            In the <strong>Google Admin console</strong>, go to <strong>Security › Access and data control › API controls › Manage Domain Wide Delegation</strong>, click{' '}
            <strong>Add new</strong>, paste the client ID and these OAuth scopes, and <strong>Authorize</strong>:
            <CopyField value={GOOGLE_SCOPES.join(',')} label="OAuth scopes" />
          </li>
          <li>Upload the key file here and name an administrator of your Google Workspace for Roster to act as (it reads the directory with that admin’s rights).</li>
        </ol>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Field label="Service account key (JSON)" hint={keyName ?? 'The key stays encrypted in Roster and is never shown again.'}>
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="file" accept="application/json,.json" onChange={(event) => void readKey(event.target.files?.[0])} />}
        </Field>
        <Field label="Administrator to act as" hint="A Google Workspace administrator’s email, e.g. it-admin@yourcompany.com">
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="email" value={adminEmail} onChange={(event) => setAdminEmail(event.target.value)} />}
        </Field>
        <div>
          <button type="button" className="btn" onClick={() => void connectServiceAccount()} disabled={busy || !keyText || !adminEmail.includes('@')}>
            Connect with the service account
          </button>
        </div>
      </section>
    </div>
  );
}
