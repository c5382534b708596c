import { useState } from 'react';
import { plural } from '../format.js';
import { useAction } from '../hooks.js';
import { ConfirmDialog } from '../ui/dialog.js';
import { PlayIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { DirectoryApi } from './directory-api.js';

/**
 * Pushes a few sample users and groups through the real SCIM endpoint, as the provider would,
 * once the person confirms: the application receives them like real users. They are marked as
 * sample data and can be removed (SampleDataNotice).
 */
export function SamplePushButton({ directory, onDone, className = 'btn' }: { directory: DirectoryApi; onDone: () => void; className?: string }) {
  const [confirming, setConfirming] = useState(false);
  const toast = useToast();
  const { busy, run: push } = useAction(async () => {
    setConfirming(false);
    const result = await directory.pushSample();
    toast.show(`Sent ${plural(result.users, 'sample user')} and ${plural(result.groups, 'group')} in ${plural(result.requests, 'SCIM request')}`);
    onDone();
  }, toast.error);
  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={() => setConfirming(true)}>
        {busy ? <span className="spinner" aria-hidden="true" /> : <PlayIcon />}
        {busy ? 'Sending sample data…' : 'Send sample data'}
      </button>
      {confirming ? (
        <ConfirmDialog title="Send sample data to this directory?" confirmLabel="Send sample data" busy={busy} onConfirm={() => void push()} onClose={() => setConfirming(false)}>
          {/* The numbers are the server's (packages/server/src/directory/management/sample-push.ts). */}
          <p>
            This adds 8 sample people and 3 groups to this directory through its SCIM endpoint, as the identity provider would. The application receives them
            like real users, in its webhooks and events.
          </p>
          <p>They are marked as sample data, never change the directory’s real users, and can be removed at any time with “Remove sample data”.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
