import type { EventRow } from '../store/events.js';

/** What a webhook body and an Events API item look like. */
export interface EventEnvelope {
  spec_version: '1';
  id: string;
  type: string;
  occurred_at: string;
  environment_id: string;
  organization_id: string | null;
  directory_id: string | null;
  object: string;
  data: unknown;
}

export function toEnvelope(row: EventRow, environmentId: string): EventEnvelope {
  return {
    spec_version: '1',
    id: row.id,
    type: row.type,
    occurred_at: row.occurred_at.toISOString(),
    environment_id: environmentId,
    organization_id: row.organization_id,
    directory_id: row.directory_id,
    object: row.object,
    data: row.data,
  };
}
