import { useState } from 'react';
import { bodyOf } from '../../../shared/api.js';
import { plural } from '../../../shared/format.js';
import { Dialog } from '../../../shared/ui/dialog.js';
import { Field } from '../../../shared/ui/forms.js';
import { useToast } from '../../../shared/ui/toast.js';
import type { WebhookCalls } from './webhook-calls.js';

/** Every event since a time, delivered again (after an outage of the receiver, say). */
export function ReplaySinceDialog({ calls, onClose, onDone }: { calls: WebhookCalls; onClose: () => void; onDone: () => void }) {
  const toast = useToast();
  const [since, setSince] = useState(() => new Date(Date.now() - 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title="Replay events since…"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const { replayed } = await bodyOf(calls.replay({ since: new Date(since).toISOString() }));
                toast.show(`${plural(replayed, 'delivery', 'deliveries')} queued again`);
                onDone();
                onClose();
              } catch (error) {
                toast.error(error);
                setBusy(false);
              }
            }}
          >
            Replay
          </button>
        </>
      }
    >
      <Field label="Since (your local time)" hint="Every event since then that the endpoint subscribes to is delivered again, whatever its state.">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />}
      </Field>
    </Dialog>
  );
}
