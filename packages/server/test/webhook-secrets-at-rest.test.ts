import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';
import { provisionDirectory } from './support/api-client.js';
import { createWebhook, management } from './support/events-client.js';
import { createTestDatabase } from './support/roster-process.js';
import { waitFor } from './support/scim-fixtures.js';
import { storesUnderTest } from './support/test-server.js';
import { WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver.js';

// Webhook signing secrets are HMAC keys, so Roster keeps them readable; with
// ROSTER_ENCRYPTION_KEY set they are stored sealed (AES-256-GCM): the column never holds a
// secret, deliveries still verify with it, rotation works, secrets stored before the key was set
// are sealed at start, and a missing or wrong key stops the start with a message that says so.

process.env.ROSTER_WEBHOOK_ALLOW_PRIVATE_NETWORKS = 'true';
process.env.ROSTER_WEBHOOK_RETRY_BASE_MS = '200';

const KEY = randomBytes(32).toString('base64');
const CLIENT = { id: `at_rest_${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url') };

const verifies = (webhook: ReceivedWebhook, secret: string) => {
  try {
    new Webhook(secret).verify(webhook.body, { 'webhook-id': webhook.id, 'webhook-timestamp': webhook.timestamp, 'webhook-signature': webhook.signature });
    return true;
  } catch {
    return false;
  }
};

for (const store of storesUnderTest()) {
  describe(`webhook signing secrets at rest [${store}]`, () => {
    // One store kept across restarts: a PostgreSQL database, or an embedded data directory.
    let env: Record<string, string> = {};
    let dataDir = 'memory://';
    let cleanup: () => Promise<void> = async () => undefined;
    const receivers: WebhookReceiver[] = [];
    let server: RunningServer | undefined;
    let lines: string[] = [];

    before(async () => {
      if (store === 'postgres') {
        const database = await createTestDatabase();
        env = { DATABASE_URL: database.url };
        cleanup = database.drop;
      } else {
        dataDir = mkdtempSync(join(tmpdir(), 'roster-at-rest-'));
        cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
      }
    });
    after(async () => {
      await server?.close();
      for (const receiver of receivers) await receiver.close();
      await cleanup();
    });

    async function start(extra: Record<string, string>): Promise<RunningServer> {
      await server?.close();
      server = undefined;
      lines = [];
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ROSTER_CLIENT_ID: CLIENT.id, ROSTER_CLIENT_SECRET: CLIENT.secret, ...env, ...extra });
      server = await startServer({ config, logger: createLogger('info', { destination: { write: (line: string) => void lines.push(line) } }), dataDir });
      return server;
    }
    const storedSecrets = async () => (await server?.services.db.pool.query<{ endpoint_id: string; id: string; secret: string }>('SELECT endpoint_id, id, secret FROM webhook_endpoint_secrets ORDER BY created_at'))?.rows ?? [];
    async function newReceiver() {
      const receiver = await WebhookReceiver.start();
      receivers.push(receiver);
      return receiver;
    }
    /** Provisions a directory (its events go to every endpoint) and waits until `receiver` got one of them. */
    async function deliveredTo(receiver: WebhookReceiver, running: RunningServer): Promise<ReceivedWebhook & { organizationId: string }> {
      const { organizationId } = await provisionDirectory(running.url, CLIENT.id, CLIENT.secret);
      const webhook = await waitFor(async () => receiver.received.find((each) => each.event.organization_id === organizationId), 15_000);
      assert.ok(webhook, 'no delivery arrived');
      return { ...webhook, organizationId };
    }

    test('without a key: plain text, and a warning at start', async () => {
      const running = await start({});
      assert.ok(lines.some((line) => line.includes('ROSTER_ENCRYPTION_KEY is not set')), 'the start warns');
      const token = (await provisionDirectory(running.url, CLIENT.id, CLIENT.secret)).accessToken;
      const { secret } = await createWebhook(running.url, token, { url: (await newReceiver()).url });
      assert.deepEqual((await storedSecrets()).map((row) => row.secret), [secret]);
    });

    test('with a key: secrets stored before are sealed at start, new and rotated ones are sealed, and every delivery verifies', async () => {
      const [before] = await storedSecrets();
      assert.ok(before);
      const plainBefore = before.secret;
      const running = await start({ ROSTER_ENCRYPTION_KEY: KEY });
      assert.ok(lines.some((line) => line.includes('encrypted the webhook signing secrets stored in plain text') && line.includes('"count":1')), lines.join('').slice(0, 500));
      assert.ok(!lines.some((line) => line.includes('ROSTER_ENCRYPTION_KEY is not set')));
      const sealed = await storedSecrets();
      assert.equal(sealed.length, 1);
      assert.match(sealed[0]?.secret ?? '', /^rsb1\.[0-9a-f]{8}\./);
      assert.ok(!sealed[0]?.secret.includes(plainBefore.slice(6)));

      const first = receivers[0];
      assert.ok(first);
      assert.ok(verifies(await deliveredTo(first, running), plainBefore), 'the sealed secret still signs');

      const token = (await provisionDirectory(running.url, CLIENT.id, CLIENT.secret)).accessToken;
      const second = await newReceiver();
      const created = await createWebhook(running.url, token, { url: second.url });
      const rotated = await management<{ secret: string }>('POST', `${running.url}/api/v1/webhooks/${String(created.webhook.id)}/secrets:rotate`, token, { grace_period_seconds: 3600 });
      assert.equal(rotated.status, 200, rotated.text);
      const stored = await storedSecrets();
      assert.equal(stored.length, 3);
      for (const row of stored) {
        assert.match(row.secret, /^rsb1\./);
        for (const plain of [plainBefore, created.secret, rotated.body.secret]) assert.ok(!row.secret.includes(plain.slice(6)), 'no secret in the column');
      }
      const afterRotation = await deliveredTo(second, running);
      assert.equal(afterRotation.signature.split(' ').length, 2, 'signed with the new secret and the one in its grace period');
      assert.ok(verifies(afterRotation, rotated.body.secret), 'the rotated secret verifies');
      assert.ok(verifies(afterRotation, created.secret), 'the previous one still verifies during its grace period');
      assert.ok(!verifies(afterRotation, plainBefore), 'another endpoint’s secret does not');
    });

    test('a sealed secret copied onto another endpoint does not open there: that endpoint gets nothing unsigned', async () => {
      const running = server;
      assert.ok(running);
      const rows = await storedSecrets();
      const [first, second] = [receivers[0], receivers[1]];
      assert.ok(first && second && rows[0]);
      await running.services.db.pool.query('UPDATE webhook_endpoint_secrets SET secret = $1 WHERE endpoint_id <> $2', [rows[0].secret, rows[0].endpoint_id]);
      // The worker reads endpoints and secrets again every few seconds, and says what it cannot read.
      const noticed = await waitFor(async () => (lines.some((line) => line.includes('a webhook signing secret cannot be read')) ? true : undefined), 15_000);
      assert.ok(noticed, 'the worker says it cannot read the secret');
      const { organizationId } = await deliveredTo(first, running);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.deepEqual(second.received.filter((each) => each.event.organization_id === organizationId), [], 'no delivery went out without a readable secret');
    });

    test('a wrong key, or none, stops the start with a message naming ROSTER_ENCRYPTION_KEY', async () => {
      await server?.close();
      server = undefined;
      await assert.rejects(start({ ROSTER_ENCRYPTION_KEY: randomBytes(32).toString('base64') }), /encrypted with another ROSTER_ENCRYPTION_KEY \(key id [0-9a-f]{8}; this one has id [0-9a-f]{8}\)/);
      await assert.rejects(start({}), /webhook signing secrets are encrypted \(key id [0-9a-f]{8}\) but ROSTER_ENCRYPTION_KEY is not set/);
      assert.throws(() => loadConfig({ ROSTER_ENCRYPTION_KEY: randomBytes(16).toString('base64') }), /ROSTER_ENCRYPTION_KEY: must decode to 32 bytes, not 16/);
      const running = await start({ ROSTER_ENCRYPTION_KEY: KEY });
      assert.ok(running.url);
    });
  });
}
