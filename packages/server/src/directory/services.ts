import type { Config } from '../config.js';
import type { Database } from '../store/database.js';
import type { PagePositions } from './page-positions.js';

/** What every use case needs: the store, configuration and this deployment's identity. */
export interface Services {
  db: Database;
  config: Config;
  environmentId: string;
  /** The absolute base URL clients reach this server at, without a trailing slash. */
  publicUrl: string;
  pagePositions: PagePositions;
}
