import type { DirectoryProvider } from '../shared/types.js';
import { GUIDES, PULLED_TILES } from './providers.js';

/**
 * Step 1: which identity provider the organization uses. With `pulled`, Google Workspace is read
 * by Roster (no SCIM) and BambooHR is offered too.
 */
export function ProviderPicker({ onPick, busy, current, pulled = false }: { onPick: (provider: DirectoryProvider) => void; busy?: DirectoryProvider | undefined; current?: DirectoryProvider; pulled?: boolean }) {
  const tiles = pulled ? [...GUIDES.map((guide) => PULLED_TILES.find((tile) => tile.provider === guide.provider) ?? guide), ...PULLED_TILES.filter((tile) => !GUIDES.some((guide) => guide.provider === tile.provider))] : GUIDES;
  return (
    <div className="provider-grid" role="list">
      {tiles.map((guide) => (
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
              <span className="provider-sub">{'sub' in guide ? guide.sub : guide.provider === 'OTHER' ? 'Any SCIM 2.0 client' : 'Step-by-step guide'}</span>
            </span>
            {busy === guide.provider ? <span className="spinner" aria-hidden="true" /> : null}
          </button>
        </div>
      ))}
    </div>
  );
}
