import assert from 'node:assert/strict';
import { http } from './api-client.js';
import type { Json } from './scim-fixtures.js';

// Management-API helpers the event and webhook suites share.

export const JSON_HEADERS = { 'content-type': 'application/json' };

export interface EventJson {
  spec_version: string;
  id: string;
  type: string;
  occurred_at: string;
  environment_id: string;
  organization_id: string | null;
  directory_id: string | null;
  object: string;
  data: Json;
}

export interface EventsPage {
  events: EventJson[];
  next_cursor: string;
  has_more: boolean;
}

export async function eventsPage(baseUrl: string, accessToken: string, query: Record<string, string | number>) {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return http<EventsPage>('GET', `${baseUrl}/api/v1/events?${search.toString()}`, { token: accessToken });
}

/** Follows next_cursor from `after` until has_more is false; returns the events and where to read on. */
export async function readEvents(baseUrl: string, accessToken: string, query: Record<string, string | number> = {}, after = ''): Promise<{ events: EventJson[]; cursor: string }> {
  const events: EventJson[] = [];
  let cursor = after;
  for (let page = 0; page < 100_000; page++) {
    const response = await eventsPage(baseUrl, accessToken, { ...query, ...(cursor ? { after: cursor } : {}) });
    assert.equal(response.status, 200, response.text);
    events.push(...response.body.events);
    cursor = response.body.next_cursor;
    if (!response.body.has_more) return { events, cursor };
  }
  throw new Error('the event log did not end');
}

export interface CreatedWebhook {
  webhook: Json & { id: string };
  secret: string;
}

export async function createWebhook(baseUrl: string, accessToken: string, body: Json): Promise<CreatedWebhook> {
  const response = await http<CreatedWebhook>('POST', `${baseUrl}/api/v1/webhooks`, { token: accessToken, body, headers: JSON_HEADERS });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

export async function management<Body = Json>(method: string, url: string, accessToken: string, body?: Json) {
  return http<Body>(method, url, { token: accessToken, ...(body === undefined ? {} : { body, headers: JSON_HEADERS }) });
}

/**
 * Reads until at least `count` events arrived (or the time is up). An event is served once no
 * transaction that began before it is still running, a moment after its commit: a test that
 * reads right after a write polls.
 */
export async function readEventsUntil(baseUrl: string, accessToken: string, query: Record<string, string | number>, after: string, count: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const events: EventJson[] = [];
  let cursor = after;
  for (;;) {
    const read = await readEvents(baseUrl, accessToken, query, cursor);
    events.push(...read.events);
    cursor = read.cursor;
    if (events.length >= count || Date.now() > deadline) return { events, cursor };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
