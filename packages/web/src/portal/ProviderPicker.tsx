import type { DirectoryProvider } from '../shared/types.js';
import { GUIDES } from './providers.js';

/** Step 1: which identity provider the organization uses. */
export function ProviderPicker({ onPick, busy, current }: { onPick: (provider: DirectoryProvider) => void; busy?: DirectoryProvider | undefined; current?: DirectoryProvider }) {
  return (
    <div className="provider-grid" role="list">
      {GUIDES.map((guide) => (
        <div role="listitem" key={guide.provider}>
          <button
            type="button"
            className="provider-tile"
            style={{ width: '100%' }}
            aria-pressed={current === guide.provider}
            disabled={busy !== undefined}
            onClick={() => onPick(guide.provider)}
          >
            <span className="provider-mark" style={{ background: guide.color }} aria-hidden="true">
              {guide.short}
            </span>
            <span className="grow">
              <span className="provider-name" style={{ display: 'block' }}>
                {guide.name}
              </span>
              <span className="provider-sub">{guide.provider === 'OTHER' ? 'Any SCIM 2.0 client' : 'Step-by-step guide'}</span>
            </span>
            {busy === guide.provider ? <span className="spinner" aria-hidden="true" /> : null}
          </button>
        </div>
      ))}
    </div>
  );
}
