import assert from 'node:assert/strict';

// "Send sample data" as an admin presses it in the customer portal, with plain fetch (not the
// SDK): the portal link opened for its session cookie, the session read for its CSRF token, then
// the push.

export interface SamplePush {
  users: number;
  groups: number;
  failed_requests: number;
}

/** Opens the portal with `portalLink` and pushes the sample users and groups into the directory. */
export async function pushSampleData(portalLink: string, directoryId: string): Promise<SamplePush> {
  const opened = await fetch(portalLink, { redirect: 'manual' });
  assert.ok(opened.status < 400, await opened.text());
  const cookie = (opened.headers.getSetCookie().find((header) => header.startsWith('roster_portal=')) ?? '').split(';')[0] ?? '';
  assert.ok(cookie, 'the portal link set no session cookie');
  const origin = new URL(portalLink).origin;
  const session = await fetch(`${origin}/api/v1/portal/session`, { headers: { cookie } });
  assert.equal(session.status, 200);
  const { csrf_token } = (await session.json()) as { csrf_token: string };
  const pushed = await fetch(`${origin}/api/v1/portal/directories/${directoryId}:simulate`, { method: 'POST', headers: { cookie, 'x-roster-csrf': csrf_token } });
  const text = await pushed.text();
  assert.equal(pushed.status, 200, text);
  return (JSON.parse(text) as { result: SamplePush }).result;
}
