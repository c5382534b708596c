import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, createApiClient } from '../shared/api.js';
import { Link, matchPath, useRouter } from '../shared/router.js';
import { Loading } from '../shared/ui/feedback.js';
import { BuildingIcon, CodeIcon, KeyIcon, LogOutIcon, SettingsIcon, ShieldIcon, WebhookIcon, ActivityIcon } from '../shared/ui/icons.js';
import { DashboardContext, type DashboardContextValue } from './context.js';
import { dashboardRoutes, type DashboardSession } from '../shared/web-routes.js';
import { SignIn } from './SignIn.js';
import { ApiClientsPage } from './pages/ApiClientsPage.js';
import { DirectoryPage } from './pages/DirectoryPage.js';
import { EventsPage } from './pages/EventsPage.js';
import { OrganizationPage } from './pages/OrganizationPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { RolesPage } from './pages/RolesPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { WebhookPage } from './pages/WebhookPage.js';
import { WebhooksPage } from './pages/WebhooksPage.js';

type SessionState = { state: 'loading' } | { state: 'signed-out'; adminsExist: boolean } | { state: 'signed-in'; session: DashboardSession };

/** The dashboard: sign-in, then the app's team's view of every organization, directory, event and webhook. */
export function DashboardApp() {
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const api = useMemo(
    () =>
      createApiClient({
        onUnauthenticated: (error) => {
          if (error.code === 'unauthenticated' || error.code === 'session_expired') setSession({ state: 'signed-out', adminsExist: true });
        },
      }),
    [],
  );

  const signedIn = useCallback(
    (body: DashboardSession) => {
      api.setCsrfToken(body.csrf_token);
      setSession({ state: 'signed-in', session: body });
    },
    [api],
  );

  useEffect(() => {
    api.call(dashboardRoutes.session).then(signedIn, (error: unknown) => {
      const adminsExist = !(error instanceof ApiError && error.details.admins_exist === false);
      setSession({ state: 'signed-out', adminsExist });
    });
  }, [api, signedIn]);

  if (session.state === 'loading') return <Loading label="Loading the dashboard…" />;
  if (session.state === 'signed-out') return <SignIn api={api} adminsExist={session.adminsExist} onSignedIn={signedIn} />;

  const context: DashboardContextValue = { api, admin: session.session.admin };
  const signOut = async () => {
    await api.call(dashboardRoutes.signOut).catch(() => undefined);
    api.setCsrfToken(undefined);
    setSession({ state: 'signed-out', adminsExist: true });
  };
  return (
    <DashboardContext.Provider value={context}>
      <Shell email={session.session.admin.email} onSignOut={() => void signOut()}>
        <Pages />
      </Shell>
    </DashboardContext.Provider>
  );
}

const NAV: { to: string; label: string; icon: ReactNode; match: string }[] = [
  { to: '/organizations', label: 'Organizations', icon: <BuildingIcon />, match: '/organizations' },
  { to: '/events', label: 'Events', icon: <ActivityIcon />, match: '/events' },
  { to: '/webhooks', label: 'Webhooks', icon: <WebhookIcon />, match: '/webhooks' },
  { to: '/roles', label: 'Roles', icon: <ShieldIcon />, match: '/roles' },
  { to: '/api-clients', label: 'API clients', icon: <KeyIcon />, match: '/api-clients' },
  { to: '/settings', label: 'Settings', icon: <SettingsIcon />, match: '/settings' },
];

function Shell({ email, onSignOut, children }: { email: string; onSignOut: () => void; children: ReactNode }) {
  const { path } = useRouter();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Dashboard">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Roster
        </div>
        <div className="nav-section">Directory sync</div>
        {NAV.slice(0, 3).map((item) => (
          <Link key={item.to} to={item.to} className="nav-link" aria-current={path.startsWith(item.match) || (item.match === '/organizations' && path === '/') ? 'page' : undefined}>
            {item.icon}
            {item.label}
          </Link>
        ))}
        <div className="nav-section">Configuration</div>
        {NAV.slice(3).map((item) => (
          <Link key={item.to} to={item.to} className="nav-link" aria-current={path.startsWith(item.match) ? 'page' : undefined}>
            {item.icon}
            {item.label}
          </Link>
        ))}
        <a className="nav-link" href="/api/docs" target="_blank" rel="noreferrer">
          <CodeIcon />
          API reference
        </a>
        <div className="sidebar-footer">
          <span className="who truncate" title={email}>
            {email}
          </span>
          <button type="button" className="btn btn-sm" onClick={onSignOut}>
            <LogOutIcon /> Sign out
          </button>
        </div>
      </nav>
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}

function Pages() {
  const { path } = useRouter();
  let params: Record<string, string> | undefined;
  if ((params = matchPath('/organizations/:organizationId/directories/:directoryId', path))) {
    return <DirectoryPage key={params.directoryId} organizationId={params.organizationId ?? ''} directoryId={params.directoryId ?? ''} />;
  }
  if ((params = matchPath('/organizations/:organizationId', path))) return <OrganizationPage key={params.organizationId} organizationId={params.organizationId ?? ''} />;
  if ((params = matchPath('/webhooks/:webhookId', path))) return <WebhookPage key={params.webhookId} webhookId={params.webhookId ?? ''} />;
  if (matchPath('/events', path)) return <EventsPage />;
  if (matchPath('/webhooks', path)) return <WebhooksPage />;
  if (matchPath('/roles', path)) return <RolesPage />;
  if (matchPath('/api-clients', path)) return <ApiClientsPage />;
  if (matchPath('/settings', path)) return <SettingsPage />;
  if (path === '/' || matchPath('/organizations', path)) return <OrganizationsPage />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p className="muted">
        Nothing lives at this address. <Link to="/organizations">Go to organizations</Link>.
      </p>
    </div>
  );
}
