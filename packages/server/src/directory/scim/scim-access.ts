import { constantTimeEqual, hashSecret } from '../../secrets.js';
import { findSecretGrant, type SecretGrant } from '../../store/directory-secrets.js';
import { ScimError } from '../../scim/scim-error.js';
import { scimEnabled } from '../management/organizations.js';
import type { Services } from '../services.js';

/**
 * How long a grant is believed after it was read: the bound on how long a secret revoked, a
 * directory disabled or SCIM turned off keeps working on another Roster process of the same
 * database (this process forgets its grants at once). Measured from before the read, so a read
 * that saw the database just before the change still expires within this bound of the change.
 */
export const GRANT_CACHE_MILLIS = 1_000;
const GRANT_CACHE_CAPACITY = 10_000;

/**
 * Resolves SCIM bearer tokens to the directory they open. Grants are cached for a second: one
 * look-up per token a second, not per request, however busy the token.
 */
export class ScimAccess {
  private readonly cache = new Map<string, { grant: SecretGrant | undefined; expires: number }>();
  /** Bumped by clear(), so a read that was in flight then is not cached. */
  private generation = 0;

  constructor(private readonly services: Pick<Services, 'db'>) {}

  clear(): void {
    this.generation++;
    this.cache.clear();
  }

  private async grantFor(hash: string): Promise<SecretGrant | undefined> {
    const cached = this.cache.get(hash);
    // A monotonic clock: a wall-clock step must not stretch a grant's life.
    if (cached && cached.expires > performance.now()) return cached.grant;
    const readAt = performance.now();
    const generation = this.generation;
    const grant = await findSecretGrant(this.services.db.pool, hash);
    // A clear() during the read means the grant may predate a change made here: do not keep it.
    if (generation === this.generation) {
      if (this.cache.size >= GRANT_CACHE_CAPACITY) this.cache.clear();
      this.cache.set(hash, { grant, expires: readAt + GRANT_CACHE_MILLIS });
    }
    return grant;
  }

  /**
   * The grant for a request to `directoryId`, or a ScimError: 401 for no, unknown, revoked or
   * expired tokens and for another directory's token (saying nothing about this directory);
   * 403 when the directory or its organization's SCIM feature is off.
   */
  async authorize(authorization: string | undefined, directoryId: string): Promise<SecretGrant> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) throw new ScimError(401, 'Authorization header with a Bearer token is required');
    const hash = hashSecret(match[1]);
    const grant = await this.grantFor(hash);
    const expired = grant?.expires_at != null && grant.expires_at.getTime() <= Date.now();
    if (!grant || expired || !constantTimeEqual(grant.secret_hash, hash) || grant.directory_id !== directoryId) {
      throw new ScimError(401, 'The bearer token is not valid for this endpoint');
    }
    if (!scimEnabled(grant.organization_features)) {
      throw new ScimError(403, 'SCIM provisioning is turned off for this organization');
    }
    if (!grant.directory_enabled) throw new ScimError(403, 'This directory is disabled; enable it to resume provisioning');
    return grant;
  }
}
