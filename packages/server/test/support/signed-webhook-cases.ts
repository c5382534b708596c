import { verifyWebhookPayload, WebhookVerificationError } from '@roster/sdk';
import { newWebhookSecret, webhookHeaders } from '../../src/events/signing.js';

// Deliveries signed by the server's own signer (events/signing.ts), some altered, each with
// @roster/sdk's verdict: an SDK suite in another language reads them as a JSON file (path in
// ROSTER_WEBHOOK_FIXTURES) and must reach the same verdict on every one.

export interface SignedWebhookCase {
  name: string;
  secret: string;
  /** Header names as a receiver might see them (lower case unless the case says otherwise). */
  headers: Record<string, string>;
  /** The raw body, exactly as signed or altered. */
  body: string;
  /** The receiver's clock, in seconds. */
  now: number;
  tolerance_seconds?: number;
  /** "ok", or @roster/sdk's WebhookVerificationError reason. */
  roster_sdk: string;
}

export function signedWebhookCases(): SignedWebhookCase[] {
  const secret = newWebhookSecret();
  const rotated = newWebhookSecret();
  const sentAt = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ spec_version: '1', id: 'evt_cross', type: 'organization.directory.user_created', data: { email: 'ada@example.com', note: 'ünïcödé ✓' } });
  const large = JSON.stringify({ spec_version: '1', id: 'evt_cross', type: 'organization.directory.user_created', data: { padding: 'x'.repeat(64 * 1024) } });
  const signed = webhookHeaders([secret], 'evt_cross', sentAt, body);
  const signature = signed['webhook-signature'] ?? '';
  const both = webhookHeaders([rotated, secret], 'evt_cross', sentAt, body);
  const cases: Omit<SignedWebhookCase, 'roster_sdk'>[] = [
    { name: 'good', secret, headers: signed, body, now: sentAt },
    { name: 'good, key without whsec_', secret: secret.slice('whsec_'.length), headers: signed, body, now: sentAt },
    { name: 'good, header names capitalized', secret, headers: Object.fromEntries(Object.entries(signed).map(([key, value]) => [key.toUpperCase(), value])), body, now: sentAt },
    { name: 'good, signature without base64 padding', secret, headers: { ...signed, 'webhook-signature': signature.replace(/=+$/, '') }, body, now: sentAt },
    { name: 'good, after a decoy and another version', secret, headers: { ...signed, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} v2,${Buffer.alloc(32).toString('base64')} ${signature}` }, body, now: sentAt },
    { name: 'good, a 64 KiB body', secret, headers: webhookHeaders([secret], 'evt_cross', sentAt, large), body: large, now: sentAt },
    { name: 'rotation, old secret', secret, headers: both, body, now: sentAt },
    { name: 'rotation, new secret', secret: rotated, headers: both, body, now: sentAt },
    { name: 'tampered body', secret, headers: signed, body: body.replace('ada', 'eve'), now: sentAt },
    { name: 'tampered unicode', secret, headers: signed, body: body.replace('✓', '✗'), now: sentAt },
    { name: 'tampered body, one byte appended', secret, headers: signed, body: `${body} `, now: sentAt },
    { name: 'body re-serialized', secret, headers: signed, body: JSON.stringify(JSON.parse(body), null, 2), now: sentAt },
    { name: 'tampered id', secret, headers: { ...signed, 'webhook-id': 'evt_other' }, body, now: sentAt },
    { name: 'tampered timestamp', secret, headers: { ...signed, 'webhook-timestamp': String(sentAt + 1) }, body, now: sentAt },
    { name: 'another secret', secret: rotated, headers: signed, body, now: sentAt },
    { name: 'truncated signature', secret, headers: { ...signed, 'webhook-signature': signature.slice(0, 20) }, body, now: sentAt },
    { name: 'v1a only', secret, headers: { ...signed, 'webhook-signature': signature.replace('v1,', 'v1a,') }, body, now: sentAt },
    { name: 'expired', secret, headers: signed, body, now: sentAt + 301 },
    { name: 'from the future', secret, headers: signed, body, now: sentAt - 301 },
    { name: 'at the tolerance', secret, headers: signed, body, now: sentAt + 300 },
    { name: 'a tighter tolerance', secret, headers: signed, body, now: sentAt + 61, tolerance_seconds: 60 },
    { name: 'timestamp in milliseconds', secret, headers: { ...signed, 'webhook-timestamp': String(sentAt * 1000) }, body, now: sentAt },
    { name: 'timestamp not a number', secret, headers: { ...signed, 'webhook-timestamp': 'soon' }, body, now: sentAt },
    { name: 'no signature header', secret, headers: { 'webhook-id': 'evt_cross', 'webhook-timestamp': String(sentAt) }, body, now: sentAt },
    { name: 'an empty secret', secret: 'whsec_', headers: signed, body, now: sentAt },
  ];
  return cases.map((item) => {
    let verdict = 'ok';
    try {
      verifyWebhookPayload(item.secret, item.headers, item.body, { now: () => item.now * 1000, ...(item.tolerance_seconds ? { toleranceSeconds: item.tolerance_seconds } : {}) });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      verdict = error.reason;
    }
    return { ...item, roster_sdk: verdict };
  });
}
