import { useState } from 'react';

/**
 * The foot of a list read newest first (events, the request log): how many are shown, and a
 * button that loads the next older page, busy while it runs.
 */
export function LoadOlder({ shown, label, onLoad }: { shown: string; label: string; onLoad: () => Promise<void> }) {
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    try {
      await onLoad();
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="pager">
      <span>{shown}</span>
      <button type="button" className="btn btn-sm" onClick={() => void load()} disabled={loading}>
        {loading ? <span className="spinner" aria-hidden="true" /> : null}
        {label}
      </button>
    </div>
  );
}
