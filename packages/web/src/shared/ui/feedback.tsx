import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api.js';
import { AlertIcon, CheckIcon, InfoIcon } from './icons.js';

export function Spinner({ label }: { label?: string }) {
  return <span className="spinner" role={label ? 'status' : undefined} aria-label={label} />;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Rows of shimmering bars where a table is about to be. */
export function SkeletonRows({ rows = 4, columns = 3 }: { rows?: number; columns?: number }) {
  return (
    <div className="stack-sm" style={{ padding: 16 }} aria-hidden="true">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="row" style={{ gap: 16 }}>
          {Array.from({ length: columns }, (_, column) => (
            <div key={column} className="skeleton" style={{ flex: column === 0 ? 2 : 1 }} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      {icon ? <div className="empty-icon">{icon}</div> : null}
      <div className="empty-title">{title}</div>
      {children ? <p>{children}</p> : null}
      {action ? <div style={{ marginTop: 8 }}>{action}</div> : null}
    </div>
  );
}

type Tone = 'info' | 'success' | 'warning' | 'danger';

export function Callout({ tone = 'info', title, children }: { tone?: Tone; title?: ReactNode; children?: ReactNode }) {
  const Icon = tone === 'success' ? CheckIcon : tone === 'info' ? InfoIcon : AlertIcon;
  return (
    <div className={`callout callout-${tone}`} role={tone === 'danger' ? 'alert' : undefined}>
      <Icon />
      <div className="stack-sm" style={{ gap: 2 }}>
        {title ? <div className="callout-title">{title}</div> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}

/** An error as a callout with a retry, for a panel whose data did not load. */
export function ErrorState({ error, onRetry, title = 'Something went wrong' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = error instanceof ApiError && error.status === 404 ? 'It was not found: it may have been deleted.' : errorMessage(error);
  return (
    <div style={{ padding: 16 }}>
      <Callout tone="danger" title={title}>
        <div className="row-between">
          <span>{message}</span>
          {onRetry ? (
            <button type="button" className="btn btn-sm" onClick={onRetry}>
              Try again
            </button>
          ) : null}
        </div>
      </Callout>
    </div>
  );
}
