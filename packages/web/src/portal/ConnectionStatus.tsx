import { formatDateTime, plural, providerLabel, timeAgo } from '../shared/format.js';
import { useNow } from '../shared/hooks.js';
import type { Directory } from '../shared/types.js';
import { CheckIcon, PowerIcon } from '../shared/ui/icons.js';

/**
 * The connection at a glance, live: "waiting for the first request" until the provider calls,
 * then connected with the last sync time (or disabled).
 */
export function ConnectionStatus({ directory, onOpenLog, onOpenUsers }: { directory: Directory; onOpenLog: () => void; onOpenUsers: () => void }) {
  useNow(15_000);
  const provider = providerLabel(directory.directory_provider);
  const hasToken = directory.secrets.some((secret) => secret.status === 'ACTIVE');

  if (!directory.enabled) {
    return (
      <div className="card card-body status-hero" data-testid="connection-status" data-status="disabled">
        <div className="status-icon off">
          <PowerIcon size={22} />
        </div>
        <div className="grow">
          <h2>Directory sync is turned off</h2>
          <p className="muted">{provider}’s requests are refused until you enable the directory again in Settings. Users already synced are kept.</p>
        </div>
      </div>
    );
  }

  if (!directory.last_synced_at) {
    return (
      <div className="card card-body status-hero" data-testid="connection-status" data-status="waiting" aria-live="polite">
        <div className="status-icon waiting">
          <span className="pulse" aria-hidden="true" />
        </div>
        <div className="grow">
          <h2>Waiting for the first request from {provider}</h2>
          <p className="muted">{hasToken ? 'Paste the endpoint and token into your provider and test the connection; this turns green as soon as a request arrives.' : 'Create a token in Settings, then paste it with the endpoint into your provider.'}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="card card-body status-hero" data-testid="connection-status" data-status="connected" aria-live="polite">
      <div className="status-icon ok">
        <CheckIcon size={22} />
      </div>
      <div className="grow">
        <h2>Connected to {provider}</h2>
        <p className="muted" title={formatDateTime(directory.last_synced_at)}>
          Last request {timeAgo(directory.last_synced_at)} · {plural(directory.total_users, 'user')} and {plural(directory.total_groups, 'group')} synced
        </p>
      </div>
      <div className="row">
        <button type="button" className="btn btn-sm" onClick={onOpenUsers}>
          View users
        </button>
        <button type="button" className="btn btn-sm" onClick={onOpenLog}>
          Request log
        </button>
      </div>
    </div>
  );
}
