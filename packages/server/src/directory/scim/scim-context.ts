import type { Services } from '../services.js';

/** The directory a SCIM request acts on, established by its bearer token. */
export interface ScimContext {
  services: Services;
  directoryId: string;
  organizationId: string;
  /** Absolute SCIM base URL of the directory, for `meta.location` and `Location`. */
  baseUrl: string;
  /**
   * The request carries the secret of "Send sample data": what it creates is marked as sample
   * data, and it may change or delete nothing else (sample-data.ts).
   */
  writesSampleData?: boolean;
}

export function locationOf(context: ScimContext, endpoint: string, id: string): string {
  return `${context.baseUrl}${endpoint}/${id}`;
}
