import { useState } from 'react';
import type { Directory } from '../shared/types.js';
import { Callout } from '../shared/ui/feedback.js';
import { Field } from '../shared/ui/forms.js';

// Connecting BambooHR: the company's subdomain and an API key. Used to create the directory
// (from the provider picker) and to change its connection later.

export interface BambooHRInput {
  bamboohr: { subdomain: string; employees_from: 'report' | 'directory' };
  credentials?: { api_key: string };
}

export function BambooHRSetup({ directory, onSubmit, submitLabel }: { directory?: Directory; onSubmit: (input: BambooHRInput) => Promise<void>; submitLabel: string }) {
  const settings = directory?.source?.bamboohr;
  const [subdomain, setSubdomain] = useState(settings?.subdomain ?? '');
  const [apiKey, setApiKey] = useState('');
  const [from, setFrom] = useState<'report' | 'directory'>(settings?.employees_from ?? 'report');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const connected = directory?.source?.connection;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const cleaned = subdomain.trim().replace(/^https?:\/\//, '').replace(/\.bamboohr\.com.*$/, '');
      await onSubmit({ bamboohr: { subdomain: cleaned, employees_from: from }, ...(apiKey ? { credentials: { api_key: apiKey.trim() } } : {}) });
      setApiKey('');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack" data-testid="bamboohr-setup">
      {connected ? <Callout tone="success" title="BambooHR is connected">Enter a new API key below to replace the one Roster uses.</Callout> : null}
      <ol className="stack-sm" style={{ paddingLeft: 20, margin: 0 }}>
        <li>
          Sign in to BambooHR as a user who can see every employee (an administrator, or a user with an access level that includes the job and contact fields).
        </li>
        <li>
          Click your name or photo at the top right, choose <strong>API Keys</strong>, then <strong>Add New Key</strong>. Name it “Roster” and copy the key: BambooHR shows it once.
        </li>
        <li>Enter your company’s subdomain (the “acme” of acme.bamboohr.com) and the key here. Roster reads employees, their employment status, departments and divisions; it never changes anything in BambooHR.</li>
      </ol>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <Field label="Company subdomain" hint="acme for acme.bamboohr.com">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" value={subdomain} onChange={(event) => setSubdomain(event.target.value)} placeholder="acme" />}
      </Field>
      <Field label="API key" hint="Stored encrypted; never shown again.">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="password" autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)} />}
      </Field>
      <Field label="Employees from" hint="A report includes former employees (they become inactive users); the employee directory lists current employees only.">
        {(id, describedBy) => (
          <select id={id} aria-describedby={describedBy} className="select" value={from} onChange={(event) => setFrom(event.target.value as 'report' | 'directory')}>
            <option value="report">A report of every employee (recommended)</option>
            <option value="directory">The employee directory</option>
          </select>
        )}
      </Field>
      <div>
        <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={busy || subdomain.trim() === '' || (!connected && apiKey.trim() === '')}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
