import type { DirectoryStatus } from '../types.js';

const STATUS: Record<DirectoryStatus, { label: string; tone: string }> = {
  ACTIVE: { label: 'Connected', tone: 'badge-success' },
  PENDING: { label: 'Waiting for first sync', tone: 'badge-accent' },
  NOT_CONFIGURED: { label: 'Not configured', tone: '' },
  DISABLED: { label: 'Disabled', tone: 'badge-warning' },
  NEEDS_REVIEW: { label: 'Needs review', tone: 'badge-warning' },
  INVALID_CREDENTIALS: { label: 'Invalid credentials', tone: 'badge-danger' },
  ERROR: { label: 'Sync failing', tone: 'badge-danger' },
};

export function DirectoryStatusBadge({ status }: { status: DirectoryStatus }) {
  const { label, tone } = STATUS[status];
  return (
    <span className={`badge ${tone}`}>
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}

export function HttpStatusBadge({ status }: { status: number }) {
  const tone = status >= 500 ? 'badge-danger' : status >= 400 ? 'badge-danger' : status >= 300 ? '' : 'badge-success';
  return <span className={`badge ${tone} mono`}>{status}</span>;
}
