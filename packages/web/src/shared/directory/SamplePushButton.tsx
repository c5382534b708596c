import { useState } from 'react';
import { plural } from '../format.js';
import { PlayIcon } from '../ui/icons.js';
import { useToast } from '../ui/toast.js';
import type { DirectoryApi } from './directory-api.js';

/** Pushes a few sample users and groups through the real SCIM endpoint, as the provider would. */
export function SamplePushButton({ directory, onDone, className = 'btn' }: { directory: DirectoryApi; onDone: () => void; className?: string }) {
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const result = await directory.pushSample();
          toast.show(`Sent ${plural(result.users, 'sample user')} and ${plural(result.groups, 'group')} in ${plural(result.requests, 'SCIM request')}`);
          onDone();
        } catch (error) {
          toast.error(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : <PlayIcon />}
      {busy ? 'Sending sample data…' : 'Send sample data'}
    </button>
  );
}
