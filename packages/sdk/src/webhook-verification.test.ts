import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { verifyWebhookPayload, WebhookVerificationError, type WebhookHeaders, type WebhookVerificationFailure } from './webhook-verification.js';

// Signatures made by the `standardwebhooks` package (the reference implementation) must verify;
// anything altered, stale or unsigned must not.

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const secret = newSecret();
const rotatedSecret = newSecret();
const NOW = Date.parse('2026-05-01T12:00:00Z');
const now = () => NOW;
const body = JSON.stringify({ spec_version: '1', id: 'evt_1', type: 'organization.directory.user_created', data: { email: 'ada@example.com', note: 'ünïcödé' } });

function signed(options: { id?: string; at?: number; payload?: string; secrets?: string[] } = {}) {
  const id = options.id ?? 'evt_1';
  const at = new Date(options.at ?? NOW);
  const signatures = (options.secrets ?? [secret]).map((key) => new Webhook(key).sign(id, at, options.payload ?? body));
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signatures.join(' ') };
}

test('verifies what the standardwebhooks package signs, however the headers and body are given', () => {
  const headers = signed();
  const cases: [string, WebhookHeaders, string | Uint8Array][] = [
    ['Node request headers and a string body', headers, body],
    ['raw bytes', headers, Buffer.from(body)],
    ['a Uint8Array', headers, new TextEncoder().encode(body)],
    ['fetch Headers', new Headers(headers), body],
    ['header names in another case', { 'Webhook-Id': headers['webhook-id'], 'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'], 'Webhook-Signature': headers['webhook-signature'] }, body],
    ['the signature header repeated', { ...headers, 'webhook-signature': [`v1,${Buffer.alloc(32).toString('base64')}`, headers['webhook-signature']] }, body],
  ];
  for (const [name, given, payload] of cases) assert.equal(verifyWebhookPayload(secret, given, payload, { now }), true, name);
  assert.equal(verifyWebhookPayload(secret.slice('whsec_'.length), headers, body, { now }), true, 'the key without its whsec_ prefix');
  assert.equal(verifyWebhookPayload(secret, signed({ at: NOW - 299_000 }), body, { now }), true, 'within five minutes');
});

test('during a rotation any one of the space-separated signatures is enough; other versions are skipped', () => {
  const both = signed({ secrets: [rotatedSecret, secret] });
  assert.equal(verifyWebhookPayload(secret, both, body, { now }), true);
  assert.equal(verifyWebhookPayload(rotatedSecret, both, body, { now }), true);
  const withOtherVersion = { ...signed(), 'webhook-signature': `v1a,${randomBytes(64).toString('base64')} ${signed()['webhook-signature']}` };
  assert.equal(verifyWebhookPayload(secret, withOtherVersion, body, { now }), true);
});

test('refuses what was altered, is stale, or is not signed, saying why', () => {
  const headers = signed();
  const cases: [string, () => unknown, WebhookVerificationFailure][] = [
    ['another secret', () => verifyWebhookPayload(newSecret(), headers, body, { now }), 'no_matching_signature'],
    ['a changed body', () => verifyWebhookPayload(secret, headers, body.replace('ada', 'eve'), { now }), 'no_matching_signature'],
    ['re-serialized JSON', () => verifyWebhookPayload(secret, headers, JSON.stringify(JSON.parse(body), null, 2), { now }), 'no_matching_signature'],
    ['another id', () => verifyWebhookPayload(secret, { ...headers, 'webhook-id': 'evt_2' }, body, { now }), 'no_matching_signature'],
    ['a moved timestamp', () => verifyWebhookPayload(secret, { ...headers, 'webhook-timestamp': String(NOW / 1000 + 1) }, body, { now }), 'no_matching_signature'],
    ['only a v1a signature', () => verifyWebhookPayload(secret, { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v1a,') }, body, { now }), 'no_matching_signature'],
    ['a truncated signature', () => verifyWebhookPayload(secret, { ...headers, 'webhook-signature': headers['webhook-signature'].slice(0, 20) }, body, { now }), 'no_matching_signature'],
    ['older than five minutes', () => verifyWebhookPayload(secret, signed({ at: NOW - 301_000 }), body, { now }), 'timestamp_out_of_tolerance'],
    ['from the future', () => verifyWebhookPayload(secret, signed({ at: NOW + 301_000 }), body, { now }), 'timestamp_out_of_tolerance'],
    ['a tighter tolerance', () => verifyWebhookPayload(secret, signed({ at: NOW - 61_000 }), body, { now, toleranceSeconds: 60 }), 'timestamp_out_of_tolerance'],
    ['a timestamp in milliseconds', () => verifyWebhookPayload(secret, { ...headers, 'webhook-timestamp': String(NOW) }, body, { now }), 'timestamp_out_of_tolerance'],
    ['a timestamp that is not a number', () => verifyWebhookPayload(secret, { ...headers, 'webhook-timestamp': 'soon' }, body, { now }), 'invalid_timestamp'],
    ['no signature header', () => verifyWebhookPayload(secret, { 'webhook-id': 'evt_1', 'webhook-timestamp': headers['webhook-timestamp'] }, body, { now }), 'missing_header'],
    ['no headers', () => verifyWebhookPayload(secret, {}, body, { now }), 'missing_header'],
    ['an empty secret', () => verifyWebhookPayload('whsec_', headers, body, { now }), 'invalid_secret'],
  ];
  for (const [name, verify, reason] of cases) {
    assert.throws(verify, (error: unknown) => error instanceof WebhookVerificationError && error.reason === reason, name);
  }
  assert.throws(() => verifyWebhookPayload(secret, headers, JSON.parse(body) as string, { now }), TypeError, 'parsed JSON is not the raw body');
});

test('what it accepts, the standardwebhooks package accepts too', () => {
  const headers = signed({ at: Date.now() });
  assert.equal(verifyWebhookPayload(secret, headers, body), true);
  assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
});
