import type { Queryable } from './database.js';

export interface NewEvent {
  id: string;
  type: string;
  organizationId: string | null;
  directoryId: string | null;
  object: string;
  data: unknown;
}

/** Writes events in the caller's transaction (the outbox): they commit or vanish with the change. */
export async function insertEvents(db: Queryable, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO events (id, type, organization_id, directory_id, object, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
    [
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.organizationId),
      events.map((event) => event.directoryId),
      events.map((event) => event.object),
      events.map((event) => JSON.stringify(event.data)),
    ],
  );
}
