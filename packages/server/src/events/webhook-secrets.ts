import { isSealed, sealedKeyId, type SecretBox } from '../secret-box.js';
import type { Queryable } from '../store/database.js';
import { listAllWebhookSecrets, listLiveWebhookSecrets, replaceWebhookSecretValue } from '../store/webhook-endpoints.js';

// Webhook signing secrets are HMAC keys Roster must read back to sign, so they cannot be hashed:
// with ROSTER_ENCRYPTION_KEY set they are stored sealed (secret-box.ts), each bound to its row;
// without it, as plain text (README). Sealing happens on write and, for secrets stored before
// the key was set, once at start.

const contextOf = (endpointId: string, id: string) => `webhook_endpoint_secrets/${endpointId}/${id}`;

/** The value to store for a new secret. */
export function storedWebhookSecret(box: SecretBox | undefined, endpointId: string, id: string, secret: string): string {
  return box ? box.seal(secret, contextOf(endpointId, id)) : secret;
}

export interface LiveSecret {
  endpointId: string;
  secret: string;
}

/**
 * The secrets deliveries to these endpoints are signed with now, readable. One that cannot be
 * opened (altered in the database) is reported and left out; an endpoint left with none must
 * not be sent to unsigned (the caller's rule).
 */
export async function readLiveWebhookSecrets(
  db: Queryable,
  box: SecretBox | undefined,
  endpointIds: string[],
  onUnreadable: (endpointId: string, secretId: string, error: unknown) => void,
): Promise<LiveSecret[]> {
  const live: LiveSecret[] = [];
  for (const row of await listLiveWebhookSecrets(db, endpointIds)) {
    try {
      if (!isSealed(row.secret)) live.push({ endpointId: row.endpoint_id, secret: row.secret });
      else if (!box) throw new Error('the secret is encrypted and ROSTER_ENCRYPTION_KEY is not set');
      else live.push({ endpointId: row.endpoint_id, secret: box.open(row.secret, contextOf(row.endpoint_id, row.id)) });
    } catch (error) {
      onUnreadable(row.endpoint_id, row.id, error);
    }
  }
  return live;
}

/**
 * At start: refuses a key that cannot open what is stored (or a missing one), with a message
 * that says what to do, then seals the secrets still stored in plain text when a key is set.
 * Several processes may run it at once: each secret is sealed by one of them. Returns how many
 * this one sealed.
 */
export async function prepareWebhookSecrets(db: Queryable, box: SecretBox | undefined): Promise<number> {
  const rows = await listAllWebhookSecrets(db);
  const sealedKeys = new Map<string, number>();
  for (const row of rows) {
    const keyId = sealedKeyId(row.secret);
    if (keyId !== undefined) sealedKeys.set(keyId, (sealedKeys.get(keyId) ?? 0) + 1);
  }
  const foreign = [...sealedKeys].filter(([keyId]) => keyId !== box?.keyId);
  if (foreign.length > 0) {
    const count = foreign.reduce((sum, [, each]) => sum + each, 0);
    const ids = foreign.map(([keyId]) => keyId).join(', ');
    throw new Error(
      box
        ? `${count} webhook signing secrets were encrypted with another ROSTER_ENCRYPTION_KEY (key id ${ids}; this one has id ${box.keyId}): set the key they were encrypted with`
        : `${count} webhook signing secrets are encrypted (key id ${ids}) but ROSTER_ENCRYPTION_KEY is not set: set the key they were encrypted with`,
    );
  }
  if (!box) return 0;
  let sealed = 0;
  for (const row of rows) {
    if (isSealed(row.secret)) continue;
    if (await replaceWebhookSecretValue(db, row.endpoint_id, row.id, row.secret, storedWebhookSecret(box, row.endpoint_id, row.id, row.secret))) sealed++;
  }
  return sealed;
}
