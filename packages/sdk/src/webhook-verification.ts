import { createHmac, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): Roster signs every delivery with
//   webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">
// keyed with the base64-decoded part of the endpoint's `whsec_...` secret. During a secret rotation
// the header carries one space-separated signature per secret; any one of them is enough.

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type WebhookVerificationFailure = 'missing_header' | 'invalid_secret' | 'invalid_timestamp' | 'timestamp_out_of_tolerance' | 'no_matching_signature';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, in seconds (default 300): older deliveries are replays. */
  toleranceSeconds?: number;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
}

const SECRET_PREFIX = 'whsec_';
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  // Node lowercases incoming header names; other frameworks may not.
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

function signingKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new WebhookVerificationError('invalid_secret', 'the secret is not a whsec_ secret with a base64 key');
  return key;
}

/**
 * Checks that a delivery was signed by Roster with `secret` and is recent. Pass the body exactly as
 * received (a string or the raw bytes): JSON parsed and serialized again no longer matches.
 * Returns true, or throws a WebhookVerificationError saying why not.
 */
export function verifyWebhookPayload(secret: string, headers: WebhookHeaders, rawBody: string | Uint8Array, options: VerifyWebhookOptions = {}): true {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    throw new TypeError('verifyWebhookPayload needs the raw request body (a string or bytes), not parsed JSON');
  }
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing_header', 'webhook-id, webhook-timestamp and webhook-signature are required');
  const key = signingKey(secret);

  if (!/^\d{1,15}$/.test(timestamp)) throw new WebhookVerificationError('invalid_timestamp', `webhook-timestamp "${timestamp}" is not a number of seconds`);
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    throw new WebhookVerificationError('timestamp_out_of_tolerance', 'webhook-timestamp is too far from now');
  }

  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
  for (const entry of signatures.split(' ')) {
    const comma = entry.indexOf(',');
    // Other versions (v1a, asymmetric) are not Roster's; skip them rather than fail.
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const presented = Buffer.from(entry.slice(comma + 1), 'base64');
    if (presented.length === expected.length && timingSafeEqual(presented, expected)) return true;
  }
  throw new WebhookVerificationError('no_matching_signature', 'no v1 signature matches the payload');
}
