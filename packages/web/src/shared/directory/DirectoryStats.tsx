import { formatDateTime, formatNumber, providerLabel, timeAgo } from '../format.js';
import type { Directory } from '../types.js';
import { DirectoryStatusBadge } from '../ui/status.js';

/** Status, counts and last sync of a directory, as four tiles. */
export function DirectoryStats({ directory }: { directory: Directory }) {
  return (
    <div className="grid-4">
      <div className="card stat">
        <div className="stat-label">Status</div>
        <div style={{ marginTop: 8 }}>
          <DirectoryStatusBadge status={directory.status} />
        </div>
        <div className="stat-hint">{providerLabel(directory.directory_provider)}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Users</div>
        <div className="stat-value" data-testid="total-users">
          {formatNumber(directory.total_users)}
        </div>
        <div className="stat-hint">changed {timeAgo(directory.stats.user_updated_at)}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Groups</div>
        <div className="stat-value" data-testid="total-groups">
          {formatNumber(directory.total_groups)}
        </div>
        <div className="stat-hint">changed {timeAgo(directory.stats.group_updated_at)}</div>
      </div>
      <div className="card stat">
        <div className="stat-label">Last sync</div>
        <div className="stat-value" style={{ fontSize: 18, marginTop: 8 }} title={formatDateTime(directory.last_synced_at)}>
          {directory.last_synced_at ? timeAgo(directory.last_synced_at) : 'Never'}
        </div>
        <div className="stat-hint">last request from the provider</div>
      </div>
    </div>
  );
}
