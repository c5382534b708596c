import { useState } from 'react';
import { bodyOf } from '../../../shared/api.js';
import { plural } from '../../../shared/format.js';
import { useAction } from '../../../shared/hooks.js';
import { Dialog, DialogActions } from '../../../shared/ui/dialog.js';
import { Field } from '../../../shared/ui/forms.js';
import { useToast } from '../../../shared/ui/toast.js';
import type { WebhookCalls } from './webhook-calls.js';

/** Every event since a time, delivered again (after an outage of the receiver, say). */
export function ReplaySinceDialog({ calls, onClose, onDone }: { calls: WebhookCalls; onClose: () => void; onDone: () => void }) {
  const toast = useToast();
  const [since, setSince] = useState(() => new Date(Date.now() - 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  // The dialog closes when the replay is queued; on a failure it stays, for another try.
  const { busy, run: replay } = useAction(async () => {
    const { replayed } = await bodyOf(calls.replay({ since: new Date(since).toISOString() }));
    toast.show(`${plural(replayed, 'delivery', 'deliveries')} queued again`);
    onDone();
    onClose();
  }, toast.error);
  return (
    <Dialog
      title="Replay events since…"
      onClose={onClose}
      footer={<DialogActions label="Replay" onCancel={onClose} onAction={() => void replay()} busy={busy} />}
    >
      <Field label="Since (your local time)" hint="Every event since then that the endpoint subscribes to is delivered again, whatever its state.">
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input" type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />}
      </Field>
    </Dialog>
  );
}
