import { bodyOf } from '../../../shared/api.js';
import { timeAgo } from '../../../shared/format.js';
import type { WebhookDelivery } from '../../../shared/types.js';
import { EmptyState } from '../../../shared/ui/feedback.js';
import { DataView, type Loaded } from '../../../shared/ui/data-view.js';
import { HttpStatusBadge } from '../../../shared/ui/status.js';
import { useToast } from '../../../shared/ui/toast.js';
import { Table } from '../../../shared/ui/table.js';
import type { DeliveryStatus, WebhookCalls } from './webhook-calls.js';

const DELIVERY_TONE: Record<WebhookDelivery['status'], string> = { pending: 'badge-accent', succeeded: 'badge-success', dead: 'badge-danger' };

interface DeliveriesCardProps {
  calls: WebhookCalls;
  deliveries: Loaded<{ deliveries: WebhookDelivery[] }>;
  status: DeliveryStatus | '';
  onStatus: (status: DeliveryStatus | '') => void;
  busy: string | undefined;
  act: (name: string, action: () => Promise<void>) => Promise<void>;
  onOpen: (delivery: WebhookDelivery) => void;
  onReplayed: () => void;
}

/** The endpoint's deliveries, newest event first, filtered by status, each one replayable. */
export function DeliveriesCard({ calls, deliveries, status, onStatus, busy, act, onOpen, onReplayed }: DeliveriesCardProps) {
  const toast = useToast();
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <div className="card-title">Deliveries</div>
          <div className="card-description">Newest event first. Open one for its attempts.</div>
        </div>
        <select className="select" style={{ width: 'auto' }} aria-label="Delivery status" value={status} onChange={(event) => onStatus(event.target.value as DeliveryStatus | '')}>
          <option value="">All deliveries</option>
          <option value="pending">Pending</option>
          <option value="succeeded">Succeeded</option>
          <option value="dead">Dead</option>
        </select>
      </div>
      <DataView state={deliveries} columns={5} isEmpty={(page) => page.deliveries.length === 0} empty={
        <EmptyState title="No deliveries yet">Deliveries appear when events occur after the endpoint was created.</EmptyState>
      }>
        {(page) => (
          <Table label="Deliveries" columns={['Event', 'Status', 'Attempts', 'Last response', 'Last attempt', '']}>
            {page.deliveries.map((delivery) => (
              <tr key={delivery.event_id} className={delivery.status === 'dead' ? 'row-danger' : undefined}>
                <td>
                  <button type="button" className="btn-link mono" onClick={() => onOpen(delivery)}>
                    {delivery.event_id}
                  </button>
                </td>
                <td>
                  <span className={`badge ${DELIVERY_TONE[delivery.status]}`} data-testid="delivery-status">
                    {delivery.status}
                  </span>
                </td>
                <td>{delivery.attempts}</td>
                <td>{delivery.last_status_code !== null ? <HttpStatusBadge status={delivery.last_status_code} /> : <span className="muted small">{delivery.last_error ?? '—'}</span>}</td>
                <td className="muted nowrap">{timeAgo(delivery.last_attempt_time)}</td>
                <td style={{ textAlign: 'right' }}>
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={`Replay ${delivery.event_id}`}
                    disabled={busy !== undefined}
                    onClick={() =>
                      void act(`replay-${delivery.event_id}`, async () => {
                        await bodyOf(calls.replay({ event_id: delivery.event_id }));
                        toast.show('Delivery queued again');
                        onReplayed();
                      })
                    }
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </DataView>
    </div>
  );
}
