import type { Services } from './services.js';

/** The directory a SCIM request acts on, established by its bearer token. */
export interface ScimContext {
  services: Services;
  directoryId: string;
  organizationId: string;
  /** Absolute SCIM base URL of the directory, for `meta.location` and `Location`. */
  baseUrl: string;
}

export function locationOf(context: ScimContext, endpoint: string, id: string): string {
  return `${context.baseUrl}${endpoint}/${id}`;
}
