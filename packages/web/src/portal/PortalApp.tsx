import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient } from '../shared/api.js';
import { useAsync, useInterval } from '../shared/hooks.js';
import { DataView } from '../shared/ui/data-view.js';
import { Callout, Loading } from '../shared/ui/feedback.js';
import { ClockIcon } from '../shared/ui/icons.js';
import { portalRoutes } from '../shared/web-routes.js';
import { configureEmbedEvents, isEmbedded, postPortalEvent, WARNING_MINUTES } from './embed-events.js';
import { PortalHome } from './PortalHome.js';

/** The admin portal: one organization's directory setup, opened from a portal link. */
export function PortalApp() {
  const [ended, setEnded] = useState(false);
  const api = useMemo(() => createApiClient({ onUnauthenticated: () => setEnded(true) }), []);
  const session = useAsync(async () => {
    const info = await api.call(portalRoutes.session);
    api.setCsrfToken(info.csrf_token);
    configureEmbedEvents(info.allowed_origins, info.organization.id);
    return info;
  }, [api]);
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), 1000, Boolean(session.data) && !ended);

  const expiresAt = session.data ? new Date(session.data.expire_time).getTime() : undefined;
  const remaining = expiresAt === undefined ? Infinity : expiresAt - now;
  const warn = remaining <= WARNING_MINUTES * 60_000;
  const expired = remaining <= 0;

  useEffect(() => {
    if (!session.data || !warn || expired) return;
    postPortalEvent('PORTAL_SESSION_WARNING', 'session', `The admin portal session expires in ${Math.max(1, Math.round(remaining / 60_000))} minutes`, { expiry: session.data.expire_time });
    // Once per session: when the warning threshold is crossed.
  }, [session.data, warn]);

  useEffect(() => {
    if (!session.data || !expired) return;
    postPortalEvent('PORTAL_SESSION_EXPIRY', 'session', 'The admin portal session has expired', { expiry: session.data.expire_time });
    setEnded(true);
  }, [session.data, expired]);

  useEffect(() => {
    document.title = session.data ? `Directory sync · ${session.data.organization.display_name}` : 'Directory sync · Admin portal';
  }, [session.data]);

  if (ended) return <SessionEnded />;
  return (
    <DataView state={session} errorTitle="The admin portal could not be opened" errorFrame={authCard} loading={<Loading label="Opening the admin portal…" />}>
      {({ organization, expire_time, pulled_directories }) => (
        <>
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          <header className="portal-top">
            <div className="portal-top-inner">
              <div className="org-chip">
                <span className="org-mark" aria-hidden="true">
                  {organization.display_name.slice(0, 1).toUpperCase()}
                </span>
                <div>
                  <div style={{ fontWeight: 600 }}>{organization.display_name}</div>
                  <div className="small muted">Directory sync · admin portal</div>
                </div>
              </div>
              <span className="small muted row" title={`Session ends ${new Date(expire_time).toLocaleString()}`}>
                <ClockIcon /> Session ends {new Date(expire_time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
              </span>
            </div>
          </header>
          <main className="portal-main" id="main">
            {warn ? (
              <Callout tone="warning" title="Your session is about to end">
                This portal session ends in {Math.max(1, Math.ceil(remaining / 60_000))} minute{remaining > 60_000 ? 's' : ''}. Finish what you are doing; {isEmbedded() ? 'reopen the portal from the application' : 'ask for a new link'} to continue afterwards.
              </Callout>
            ) : null}
            <PortalHome api={api} organization={organization} pulled={pulled_directories} />
          </main>
        </>
      )}
    </DataView>
  );
}

/** The error of a portal that could not open, where the sign-in card would be. */
const authCard = (error: ReactNode) => (
  <div className="auth-page">
    <div className="card auth-card">{error}</div>
  </div>
);

function SessionEnded() {
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <div className="card-body stack" role="alert">
          <div className="status-icon off">
            <ClockIcon size={22} />
          </div>
          <h1>Your session has ended</h1>
          <p className="muted">
            For security, admin portal sessions last a limited time. {isEmbedded() ? 'Reopen the portal from the application to continue.' : 'Open the portal link again, or ask the application’s team for a new one.'}
          </p>
          <p className="muted small">Nothing you saved is lost.</p>
        </div>
      </div>
    </div>
  );
}
