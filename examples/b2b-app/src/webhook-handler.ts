import type { IncomingMessage } from 'node:http';
import { applyEvent, type ApplyOutcome } from './apply-event.js';
import type { Database } from './database.js';
import { parseEvent } from './roster-event.js';

// POST /webhooks/roster: Roster's deliveries, signed per Standard Webhooks. The signature is
// checked over the raw bytes before anything is parsed; the answer is 2xx only once the event
// is committed, so Roster retries anything that failed here.

export type VerifySignature = (secret: string, headers: Record<string, string>, rawBody: string) => boolean | Promise<boolean>;

export interface WebhookAnswer {
  status: number;
  body?: Record<string, unknown>;
  outcome?: ApplyOutcome;
  eventId?: string;
  type?: string;
}

/** Larger than any event Roster sends (a group event lists at most 1,000 member ids). */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const header = (request: IncomingMessage, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

export async function handleWebhook(request: IncomingMessage, db: Database, secret: string, verify: VerifySignature): Promise<WebhookAnswer> {
  let rawBody: string;
  try {
    rawBody = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { status: 413, body: { error: error.message } };
    throw error;
  }
  const headers = {
    'webhook-id': header(request, 'webhook-id'),
    'webhook-timestamp': header(request, 'webhook-timestamp'),
    'webhook-signature': header(request, 'webhook-signature'),
  };
  let verified = false;
  try {
    verified = await verify(secret, headers, rawBody);
  } catch {
    // A malformed header, an old timestamp, a wrong signature: all the same to the sender.
  }
  if (!verified) return { status: 401, body: { error: 'invalid webhook signature' } };

  let event;
  try {
    event = parseEvent(JSON.parse(rawBody));
  } catch {
    event = undefined;
  }
  if (!event) return { status: 400, body: { error: 'the body is not a Roster event' } };
  // Roster's webhook-id is the event's id: one dedupe record serves webhooks and the Events API.
  if (event.id !== headers['webhook-id']) return { status: 400, body: { error: 'webhook-id does not match the event id' } };
  const outcome = await applyEvent(db, event, 'webhook');
  return { status: 204, outcome, eventId: event.id, type: event.type };
}
