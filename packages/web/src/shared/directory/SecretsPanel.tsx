import { useState } from 'react';
import { formatDateTime, timeAgo } from '../format.js';
import type { DirectorySecret } from '../types.js';
import { useAction } from '../hooks.js';
import { ConfirmDialog, Dialog, DialogActions } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { CopyField } from '../ui/copy.js';
import { KeyIcon, RefreshIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import { Table } from '../ui/table.js';
import type { DirectoryApi } from './directory-api.js';

/** A bearer token shown the one time it exists in plain text. */
export function TokenReveal({ token }: { token: string }) {
  return (
    <div className="stack-sm">
      <CopyField value={token} label="bearer token" secret testId="bearer-token" />
      <p className="hint">Shown only now: Roster keeps a hash of it. Copy it into your identity provider before leaving this page.</p>
    </div>
  );
}

const GRACE_CHOICES: { label: string; seconds: number }[] = [
  { label: 'Stop the current token now', seconds: 0 },
  { label: 'Keep it working for 1 hour', seconds: 3600 },
  { label: 'Keep it working for 24 hours', seconds: 86_400 },
];

function secretState(secret: DirectorySecret): { label: string; tone: string } {
  if (secret.status === 'REVOKED') return { label: 'Revoked', tone: '' };
  if (secret.status === 'EXPIRED') return { label: 'Expired', tone: '' };
  if (secret.expire_time) return { label: `Expires ${timeAgo(secret.expire_time)}`, tone: 'badge-warning' };
  return { label: 'Active', tone: 'badge-success' };
}

/** The directory's bearer tokens: last use, expiry, rotation with a grace period, revocation. */
export function SecretsPanel({ directory, secrets, onChanged }: { directory: DirectoryApi; secrets: DirectorySecret[]; onChanged: () => void }) {
  const [rotating, setRotating] = useState(false);
  const [grace, setGrace] = useState(3600);
  const [revealed, setRevealed] = useState<string>();
  const [revoking, setRevoking] = useState<DirectorySecret>();
  const [showOld, setShowOld] = useState(false);
  const toast = useToast();
  const live = secrets.filter((secret) => secret.status === 'ACTIVE');
  const old = secrets.filter((secret) => secret.status !== 'ACTIVE');
  const shown = showOld ? [...live, ...old] : live;

  const rotation = useAction(async () => {
    const created = live.length === 0 ? await directory.createSecret() : await directory.regenerateSecret(grace);
    setRevealed(created.plain_secret);
    setRotating(false);
    onChanged();
  }, toast.error);
  const revocation = useAction(async (secret: DirectorySecret) => {
    await directory.revokeSecret(secret.id);
    toast.show(`Token …${secret.secret_suffix} revoked`);
    setRevoking(undefined);
    onChanged();
  }, toast.error);
  const busy = rotation.busy || revocation.busy;
  const rotate = rotation.run;
  const revoke = revocation.run;

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Bearer tokens</div>
          <div className="card-description">The identity provider authenticates to the SCIM endpoint with one of these.</div>
        </div>
        <button type="button" className="btn" onClick={() => (live.length === 0 ? void rotate() : setRotating(true))} disabled={busy}>
          {live.length === 0 ? <KeyIcon /> : <RefreshIcon />}
          {live.length === 0 ? 'Generate token' : 'Rotate token'}
        </button>
      </div>
      <div className="card-body stack">
        {revealed ? (
          <Callout tone="success" title="New token created">
            <TokenReveal token={revealed} />
          </Callout>
        ) : null}
        {live.length === 0 ? <Callout tone="warning" title="No working token">The identity provider cannot connect until you generate a token and paste it into its SCIM settings.</Callout> : null}
        {shown.length > 0 ? (
          <Table label="Bearer tokens" columns={['Token', 'State', 'Last used', 'Created', '']}>
            {shown.map((secret) => {
              const state = secretState(secret);
              return (
                <tr key={secret.id}>
                  <td className="mono">rsk_…{secret.secret_suffix}</td>
                  <td>
                    <span className={`badge ${state.tone}`}>{state.label}</span>
                  </td>
                  <td className="muted" title={formatDateTime(secret.last_used_time)}>
                    {timeAgo(secret.last_used_time)}
                  </td>
                  <td className="muted">{formatDateTime(secret.create_time)}</td>
                  <td style={{ textAlign: 'right' }}>
                    {secret.status === 'ACTIVE' ? (
                      <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setRevoking(secret)}>
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </Table>
        ) : null}
        {old.length > 0 ? (
          <button type="button" className="btn btn-ghost btn-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShowOld((value) => !value)}>
            {showOld ? 'Hide' : 'Show'} {old.length} revoked or expired
          </button>
        ) : null}
      </div>
      {rotating ? (
        <Dialog
          title="Rotate the bearer token"
          onClose={() => setRotating(false)}
          footer={<DialogActions label="Create new token" onCancel={() => setRotating(false)} onAction={() => void rotate()} busy={busy} />}
        >
          <div className="stack">
            <p className="muted">A new token is created and shown once. Paste it into the identity provider; the current token keeps working for the time you choose, so provisioning is not interrupted.</p>
            <fieldset className="stack-sm" style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend className="label" style={{ marginBottom: 6 }}>
                The current token
              </legend>
              {GRACE_CHOICES.map((choice) => (
                <label key={choice.seconds} className="checkbox">
                  <input type="radio" name="grace" checked={grace === choice.seconds} onChange={() => setGrace(choice.seconds)} />
                  {choice.label}
                </label>
              ))}
            </fieldset>
          </div>
        </Dialog>
      ) : null}
      {revoking ? (
        <ConfirmDialog title={`Revoke token …${revoking.secret_suffix}?`} confirmLabel="Revoke token" danger busy={busy} onConfirm={() => void revoke(revoking)} onClose={() => setRevoking(undefined)}>
          The identity provider’s requests with this token are refused from now on. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
