import { useState } from 'react';
import { ApiError, errorMessage, type ApiClient } from '../shared/api.js';
import { useSubmit } from '../shared/hooks.js';
import { dashboardRoutes, type DashboardSession } from '../shared/web-routes.js';
import { Callout } from '../shared/ui/feedback.js';
import { Field } from '../shared/ui/forms.js';
import { Brand } from './Brand.js';

const MIN_PASSWORD = 12;

function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.code === 'invalid_setup_code') return 'That setup code is not right. Use the code from Roster’s most recent start: it is in the output of the terminal or log where Roster runs, under “First-run setup”.';
  if (error.code === 'setup_complete') return 'An administrator already exists, so the setup code no longer works. Reload the page and sign in.';
  return error.message;
}

/** While no administrator exists: the setup code Roster printed at start creates the first one, signed in at once. */
export function FirstRunSetup({ api, onSignedIn }: { api: ApiClient; onSignedIn: (session: DashboardSession) => void }) {
  const [setupCode, setSetupCode] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;
  const { busy, error, submit } = useSubmit(async () => onSignedIn(await api.call(dashboardRoutes.setup, { setup_code: setupCode, email, password })), explain);

  return (
    <form className="card-body stack" onSubmit={(event) => void submit(event)} noValidate>
      <Brand />
      <div>
        <h1>Set up Roster</h1>
        <p className="muted" style={{ marginTop: 4 }}>
          There is no administrator yet. Create the first one: you will be signed in right away, and can add your team afterwards.
        </p>
      </div>
      <Callout tone="info" title="Where is the setup code?">
        Roster printed a one-time setup code when it started, in the terminal or log where it runs, under “First-run setup”. Restarting Roster prints a new one. (You can also start it with <code>ROSTER_ADMIN_EMAIL</code> and{' '}
        <code>ROSTER_ADMIN_PASSWORD</code> set, or stop it and run <code>npx roster admin create --email you@example.com</code>.)
      </Callout>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <Field label="Setup code">
        {(id) => <input id={id} className="input mono" autoComplete="one-time-code" spellCheck={false} required placeholder="XXXXX-XXXXX-XXXXX-XXXXX" value={setupCode} onChange={(event) => setSetupCode(event.target.value)} />}
      </Field>
      <Field label="Email">
        {(id) => <input id={id} className="input" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />}
      </Field>
      <Field label="Password" hint={`At least ${MIN_PASSWORD} characters.`} error={tooShort ? `At least ${MIN_PASSWORD} characters.` : undefined}>
        {(id, describedBy) => (
          <input id={id} className="input" type="password" autoComplete="new-password" required aria-describedby={describedBy} value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </Field>
      <button type="submit" className="btn btn-primary btn-lg" disabled={busy || !setupCode.trim() || !email || password.length < MIN_PASSWORD}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        Create administrator
      </button>
    </form>
  );
}
