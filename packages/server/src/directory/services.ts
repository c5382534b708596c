import type { Config } from '../config.js';
import type { SecretBox } from '../secret-box.js';
import type { Database } from '../store/database.js';
import type { PagePositions } from './scim/page-positions.js';
import type { ScimAccess } from './scim/scim-access.js';

/** What every use case needs: the store, configuration and this deployment's identity. */
export interface Services {
  db: Database;
  config: Config;
  environmentId: string;
  /** PUBLIC_URL: the base URL clients reach this server at; when unset, each request's own Host is used. */
  publicUrl: string | undefined;
  pagePositions: PagePositions;
  scimAccess: ScimAccess;
  /** Called after a write recorded changes (event_changes), so their events are composed soon. */
  changesRecorded(): void;
  /** Tells this node's sync scheduler to look for due pulled directories now ("Sync now"). */
  wakeSync?: () => void;
  /**
   * Seals secrets Roster must read back (webhook signing secrets, pulled directories' source
   * credentials) when ROSTER_ENCRYPTION_KEY is set.
   */
  secretBox: SecretBox | undefined;
}
