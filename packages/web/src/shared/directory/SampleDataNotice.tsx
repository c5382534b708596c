import { useState } from 'react';
import { plural } from '../format.js';
import { useAction, useAsync } from '../hooks.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { TrashIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { DirectoryApi } from './directory-api.js';

/** Says when the directory holds sample data ("Send sample data") and offers its removal. */
export function SampleDataNotice({ directory, version, onRemoved }: { directory: DirectoryApi; version: number; onRemoved: () => void }) {
  const counts = useAsync(() => directory.sampleData(), [directory, version]);
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const { busy, run: remove } = useAction(async () => {
    setConfirming(false);
    const removed = await directory.removeSampleData();
    toast.show(`Removed ${plural(removed.users, 'sample user')} and ${plural(removed.groups, 'group')}`);
    onRemoved();
    void counts.reload();
  }, toast.error);
  const held = counts.data;
  if (!held || held.users + held.groups === 0) return null;
  const what = `${plural(held.users, 'sample user')} and ${plural(held.groups, 'sample group')}`;
  return (
    <div className="callout callout-warning" role="status" aria-label="Sample data">
      <div className="grow stack-sm" style={{ gap: 2 }}>
        <div className="callout-title">This directory holds {what}</div>
        <div>They came from “Send sample data”. The application sees them as users until they are removed.</div>
      </div>
      <button type="button" className="btn btn-sm" onClick={() => setConfirming(true)} disabled={busy}>
        <TrashIcon />
        Remove sample data
      </button>
      {confirming ? (
        <ConfirmDialog title="Remove the sample data?" confirmLabel="Remove sample data" danger busy={busy} onConfirm={() => void remove()} onClose={() => setConfirming(false)}>
          This deletes the {what}. The application receives a deletion event for each; the directory’s real users and groups stay as they are.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
