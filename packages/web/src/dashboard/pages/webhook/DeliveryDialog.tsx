import { bodyOf } from '../../../shared/api.js';
import { formatDateTime, plural } from '../../../shared/format.js';
import { useAsync } from '../../../shared/hooks.js';
import type { WebhookDelivery } from '../../../shared/types.js';
import { Dialog } from '../../../shared/ui/dialog.js';
import { DataView } from '../../../shared/ui/data-view.js';
import { Loading } from '../../../shared/ui/feedback.js';
import { HttpStatusBadge } from '../../../shared/ui/status.js';
import type { WebhookCalls } from './webhook-calls.js';

/** One delivery and every attempt at it, oldest first. */
export function DeliveryDialog({ calls, delivery, onClose }: { calls: WebhookCalls; delivery: WebhookDelivery; onClose: () => void }) {
  const detail = useAsync(() => bodyOf(calls.delivery(delivery.event_id)), [calls, delivery.event_id]);
  return (
    <Dialog title={`Delivery of ${delivery.event_id}`} onClose={onClose} wide footer={<button type="button" className="btn" onClick={onClose}>Close</button>}>
      <DataView state={detail} loading={<Loading />}>
        {({ delivery: current, attempt_log: attempts }) => (
          <div className="stack">
            <dl className="kv">
              <dt>Status</dt>
              <dd>{current.status}</dd>
              <dt>Attempts</dt>
              <dd>{current.attempts}</dd>
              <dt>Next attempt</dt>
              <dd>{formatDateTime(current.next_attempt_time)}</dd>
              <dt>Completed</dt>
              <dd>{formatDateTime(current.complete_time)}</dd>
            </dl>
            <h3>{plural(attempts.length, 'attempt')}</h3>
            {attempts.length === 0 ? <p className="muted">Not attempted yet.</p> : null}
            {attempts.map((attempt) => (
              <div key={attempt.attempt} className="card card-body stack-sm">
                <div className="row-between">
                  <strong>Attempt {attempt.attempt}</strong>
                  <span className="muted small">{formatDateTime(attempt.attempt_time)}</span>
                </div>
                <div className="row">
                  {attempt.status_code !== null ? <HttpStatusBadge status={attempt.status_code} /> : <span className="badge badge-danger">No response</span>}
                  <span className="muted small">{attempt.latency_ms} ms</span>
                  {attempt.error ? <span className="small" style={{ color: 'var(--danger)' }}>{attempt.error}</span> : null}
                </div>
                {attempt.response_excerpt ? <pre className="code-block">{attempt.response_excerpt}</pre> : null}
              </div>
            ))}
          </div>
        )}
      </DataView>
    </Dialog>
  );
}
