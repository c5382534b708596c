import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachStore } from './support/each-store.js';
import { http } from './support/api-client.js';

// The dashboard's own lists (the newest-first event stream, the SCIM request log) page with the
// management API's opaque page tokens: walking them page by page yields exactly the one-read
// list, in order, and a raw id or another list's token is a 400 naming page_token.

const ADMIN = { email: 'paging@example.com', password: 'a-long-enough-password' };
process.env.ROSTER_ADMIN_EMAIL = ADMIN.email;
process.env.ROSTER_ADMIN_PASSWORD = ADMIN.password;

const json = { 'content-type': 'application/json' };

describeEachStore('dashboard lists page with opaque page tokens', (fixture) => {
  const base = () => fixture.server().baseUrl;
  let cookie = '';

  async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Every page of `path` with `size` per page, following next_page_token; the ids in order. */
  async function walk(path: string, key: 'events' | 'requests', size: number): Promise<string[]> {
    const ids: string[] = [];
    let token = '';
    for (let pages = 0; pages < 100; pages++) {
      const separator = path.includes('?') ? '&' : '?';
      const page = await http<Record<string, unknown>>('GET', `${base()}${path}${separator}limit=${size}${token ? `&page_token=${encodeURIComponent(token)}` : ''}`, { headers: { cookie } });
      assert.equal(page.status, 200, page.text);
      const items = page.body[key] as { id: string }[];
      assert.ok(items.length <= size);
      ids.push(...items.map((item) => item.id));
      token = page.body.next_page_token as string;
      if (!token) return ids;
      assert.doesNotMatch(token, /^(evt|req)_/, 'a token is not a raw id');
    }
    throw new Error('too many pages');
  }

  it('signs in and makes SCIM traffic: users created (events) and requests logged, some failing', async () => {
    const signedIn = await http('POST', `${base()}/api/v1/dashboard/session`, { body: ADMIN, headers: json });
    assert.equal(signedIn.status, 200, signedIn.text);
    cookie = (signedIn.headers.getSetCookie().find((each) => each.startsWith('roster_dashboard=')) ?? '').split('; ')[0] ?? '';
    const { scim, token } = fixture.directory();
    for (let index = 0; index < 5; index++) {
      const created = await http('POST', `${scim}/Users`, { token, body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `paging-${index}@example.com` } });
      assert.equal(created.status, 201, created.text);
      assert.equal((await http('GET', `${scim}/Users/not-a-user-${index}`, { token })).status, 404);
    }
  });

  it('walks the request log two at a time: the same requests, newest first, as one read; failures only too', async () => {
    const { organizationId, directoryId } = fixture.directory();
    const path = `/api/v1/dashboard/organizations/${organizationId}/directories/${directoryId}/request_log`;
    await until(async () => {
      const all = await http<{ requests: unknown[] }>('GET', `${base()}${path}?limit=200`, { headers: { cookie } });
      return all.body.requests.length >= 10 ? true : undefined;
    });
    const whole = (await http<{ requests: { id: string }[] }>('GET', `${base()}${path}?limit=200`, { headers: { cookie } })).body.requests.map((request) => request.id);
    assert.deepEqual(await walk(path, 'requests', 2), whole);
    assert.deepEqual([...whole].sort().reverse(), whole, 'newest first');
    const failed = await walk(`${path}?failed=true`, 'requests', 2);
    assert.ok(failed.length >= 5 && failed.every((id) => whole.includes(id)));

    // A token of the failures-only list does not page the whole log, and a raw id is no token.
    const failedPage = await http<{ next_page_token: string }>('GET', `${base()}${path}?failed=true&limit=1`, { headers: { cookie } });
    const foreign = await http<{ details: { parameter: string } }>('GET', `${base()}${path}?limit=1&page_token=${encodeURIComponent(failedPage.body.next_page_token)}`, { headers: { cookie } });
    assert.equal(foreign.status, 400, foreign.text);
    assert.equal(foreign.body.details.parameter, 'page_token');
    const raw = await http<{ details: { parameter: string } }>('GET', `${base()}${path}?limit=1&page_token=${whole[0]}`, { headers: { cookie } });
    assert.equal(raw.status, 400, raw.text);
    assert.equal(raw.body.details.parameter, 'page_token');
  });

  it('walks the event stream one at a time: the same events, newest first, as one read', async () => {
    const path = '/api/v1/dashboard/events';
    await until(async () => {
      const all = await http<{ events: unknown[] }>('GET', `${base()}${path}?limit=200`, { headers: { cookie } });
      return all.body.events.length >= 5 ? true : undefined;
    });
    const whole = (await http<{ events: { id: string }[] }>('GET', `${base()}${path}?limit=200`, { headers: { cookie } })).body.events.map((event) => event.id);
    assert.deepEqual(await walk(path, 'events', 1), whole);
    const typed = await http<{ next_page_token: string }>('GET', `${base()}${path}?type=organization.directory.user_created&limit=1`, { headers: { cookie } });
    assert.ok(typed.body.next_page_token);
    const foreign = await http('GET', `${base()}${path}?limit=1&page_token=${encodeURIComponent(typed.body.next_page_token)}`, { headers: { cookie } });
    assert.equal(foreign.status, 400, foreign.text);
  });
});
