import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, webhookHeaders } from './signing.js';

test('signatures verify with the standardwebhooks package, with one secret or two during a rotation', () => {
  const current = newWebhookSecret();
  const previous = newWebhookSecret();
  assert.match(current, /^whsec_[A-Za-z0-9+/]{43}=$/);
  const body = JSON.stringify({ id: 'evt_1', type: 'organization.directory.user_created', data: { name: 'Zoë' } });
  const now = Math.floor(Date.now() / 1000);
  for (const secrets of [[current], [current, previous]]) {
    const headers = webhookHeaders(secrets, 'evt_1', now, body);
    for (const secret of secrets) assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
    assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers));
    assert.throws(() => new Webhook(current).verify(`${body} `, headers));
  }
});
