import type { Queryable } from './database.js';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  enabled: boolean;
  disabled_reason: 'manual' | 'failing' | null;
  event_types: string[];
  organization_id: string | null;
  failing_since: Date | null;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface WebhookSecretRow {
  endpoint_id: string;
  id: string;
  secret: string;
  created_at: Date;
  expires_at: Date | null;
}

export interface EndpointInput {
  url: string;
  description: string;
  enabled: boolean;
  eventTypes: string[];
  organizationId: string | null;
}

export async function insertWebhookEndpoint(db: Queryable, id: string, input: EndpointInput): Promise<WebhookEndpointRow> {
  const result = await db.query<WebhookEndpointRow>(
    `INSERT INTO webhook_endpoints (id, url, description, enabled, disabled_reason, event_types, organization_id)
     VALUES ($1, $2, $3, $4, CASE WHEN $4 THEN NULL ELSE 'manual' END, $5, $6) RETURNING *`,
    [id, input.url, input.description, input.enabled, input.eventTypes, input.organizationId],
  );
  const row = result.rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findWebhookEndpoint(db: Queryable, id: string): Promise<WebhookEndpointRow | undefined> {
  const result = await db.query<WebhookEndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
  return result.rows[0];
}

export async function listWebhookEndpoints(db: Queryable): Promise<WebhookEndpointRow[]> {
  const result = await db.query<WebhookEndpointRow>('SELECT * FROM webhook_endpoints ORDER BY id');
  return result.rows;
}

/** Replaces the endpoint's settings. Enabling clears the failure record: it starts afresh. */
export async function updateWebhookEndpoint(db: Queryable, id: string, input: EndpointInput): Promise<WebhookEndpointRow | undefined> {
  const result = await db.query<WebhookEndpointRow>(
    `UPDATE webhook_endpoints
        SET url = $2, description = $3, event_types = $5, organization_id = $6, updated_at = now(),
            disabled_reason = CASE WHEN $4 THEN NULL WHEN enabled THEN 'manual' ELSE disabled_reason END,
            failing_since = CASE WHEN $4 AND NOT enabled THEN NULL ELSE failing_since END,
            enabled = $4
      WHERE id = $1 RETURNING *`,
    [id, input.url, input.description, input.enabled, input.eventTypes, input.organizationId],
  );
  return result.rows[0];
}

export async function deleteWebhookEndpoint(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}

export async function insertWebhookSecret(db: Queryable, endpointId: string, id: string, secret: string): Promise<void> {
  await db.query('INSERT INTO webhook_endpoint_secrets (endpoint_id, id, secret) VALUES ($1, $2, $3)', [endpointId, id, secret]);
}

/** Ends the grace of every current secret at `expiresAt` (earlier expiries stay as they are). */
export async function expireWebhookSecrets(db: Queryable, endpointId: string, expiresAt: Date): Promise<void> {
  await db.query(
    `UPDATE webhook_endpoint_secrets SET expires_at = least(coalesce(expires_at, $2), $2) WHERE endpoint_id = $1`,
    [endpointId, expiresAt],
  );
}

/** The secrets deliveries are signed with now: the current one and any still in their grace period. */
export async function listLiveWebhookSecrets(db: Queryable, endpointIds: string[]): Promise<WebhookSecretRow[]> {
  if (endpointIds.length === 0) return [];
  const result = await db.query<WebhookSecretRow>(
    `SELECT * FROM webhook_endpoint_secrets
      WHERE endpoint_id = ANY($1::text[]) AND (expires_at IS NULL OR expires_at > now())
      ORDER BY endpoint_id, created_at DESC, id DESC`,
    [endpointIds],
  );
  return result.rows;
}

/** Every stored signing secret, as stored (sealed or not): a handful per endpoint. */
export async function listAllWebhookSecrets(db: Queryable): Promise<WebhookSecretRow[]> {
  const result = await db.query<WebhookSecretRow>('SELECT * FROM webhook_endpoint_secrets ORDER BY endpoint_id, id');
  return result.rows;
}

/** Replaces a stored secret's value, unless another process already changed it; true when this one did. */
export async function replaceWebhookSecretValue(db: Queryable, endpointId: string, id: string, from: string, to: string): Promise<boolean> {
  const result = await db.query('UPDATE webhook_endpoint_secrets SET secret = $4 WHERE endpoint_id = $1 AND id = $2 AND secret = $3', [endpointId, id, from, to]);
  return (result.rowCount ?? 0) > 0;
}

/** Drops secrets whose grace period is over. */
export async function deleteExpiredWebhookSecrets(db: Queryable): Promise<void> {
  await db.query('DELETE FROM webhook_endpoint_secrets WHERE expires_at IS NOT NULL AND expires_at <= now()');
}

export interface EndpointOutcome {
  endpointId: string;
  succeeded: boolean;
}

/** Records the latest outcome per endpoint: a success ends a failing streak, a failure starts one. */
export async function recordEndpointOutcomes(db: Queryable, outcomes: EndpointOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.query(
    `UPDATE webhook_endpoints ep
        SET failing_since = CASE WHEN o.succeeded THEN NULL ELSE coalesce(ep.failing_since, now()) END,
            last_success_at = CASE WHEN o.succeeded THEN now() ELSE ep.last_success_at END,
            last_failure_at = CASE WHEN o.succeeded THEN ep.last_failure_at ELSE now() END
       FROM unnest($1::text[], $2::boolean[]) AS o(endpoint_id, succeeded)
      WHERE ep.id = o.endpoint_id`,
    [outcomes.map((outcome) => outcome.endpointId), outcomes.map((outcome) => outcome.succeeded)],
  );
}

/**
 * Disables endpoints that have failed without a single success for `failingFor` and just had a
 * delivery die; returns the ids disabled.
 */
export async function disableFailingEndpoints(db: Queryable, endpointIds: string[], failingForSeconds: number): Promise<string[]> {
  if (endpointIds.length === 0) return [];
  const result = await db.query<{ id: string }>(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'failing', updated_at = now()
      WHERE id = ANY($1::text[]) AND enabled AND failing_since IS NOT NULL
        AND failing_since <= now() - make_interval(secs => $2)
      RETURNING id`,
    [endpointIds, failingForSeconds],
  );
  return result.rows.map((row) => row.id);
}
