import { useState } from 'react';
import { ApiError, errorMessage, type ApiClient } from '../shared/api.js';
import { useSubmit } from '../shared/hooks.js';
import { dashboardRoutes, type DashboardSession } from '../shared/web-routes.js';
import { Callout } from '../shared/ui/feedback.js';
import { Field } from '../shared/ui/forms.js';
import { Brand } from './Brand.js';
import { FirstRunSetup } from './FirstRunSetup.js';

export function SignIn({ api, adminsExist, onSignedIn }: { api: ApiClient; adminsExist: boolean; onSignedIn: (session: DashboardSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    async () => onSignedIn(await api.call(dashboardRoutes.signIn, { email, password })),
    (caught) => (caught instanceof ApiError && caught.code === 'invalid_credentials' ? 'That email and password do not match an administrator.' : errorMessage(caught)),
  );

  if (!adminsExist) {
    return (
      <div className="auth-page">
        <div className="card auth-card">
          <FirstRunSetup api={api} onSignedIn={onSignedIn} />
        </div>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <form className="card-body stack" onSubmit={(event) => void submit(event)} noValidate>
          <Brand />
          <div>
            <h1>Sign in to the dashboard</h1>
            <p className="muted" style={{ marginTop: 4 }}>
              Manage organizations, directories, events and webhooks.
            </p>
          </div>
          {error ? <Callout tone="danger">{error}</Callout> : null}
          <Field label="Email">
            {(id) => <input id={id} className="input" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />}
          </Field>
          <Field label="Password">
            {(id) => <input id={id} className="input" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy || !email || !password}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
