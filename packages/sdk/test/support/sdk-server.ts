import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { Json } from '../../../server/test/support/scim-fixtures.js';
import { startTestServer, storesUnderTest, type StoreKind, type TestServer } from '../../../server/test/support/test-server.js';
import { Roster, type RosterOptions } from '../../src/index.js';

// The SDK's integration suites run against a real Roster on loopback, once per store, like the
// server's own suites (packages/server/test/support). SCIM is spoken with plain fetch, as an IdP would.

export interface SdkFixture {
  store: StoreKind;
  server(): TestServer;
  /** A Roster client with the server's API client. */
  roster(): Roster;
  /** Another client for the same server, e.g. with a fake clock or a counting fetch. */
  newRoster(options?: RosterOptions, credentials?: { clientId: string; clientSecret: string }): Roster;
}

export function describeEachStore(title: string, suite: (fixture: SdkFixture) => void, options: { env?: Record<string, string> } = {}): void {
  for (const store of storesUnderTest()) {
    describe(`${title} [${store}]`, () => {
      let server: TestServer | undefined;
      let roster: Roster | undefined;
      const started = () => {
        if (!server) throw new Error('server not started');
        return server;
      };
      before(async () => {
        server = await startTestServer({ store, ...(options.env ? { env: options.env } : {}) });
        roster = new Roster(server.baseUrl, server.clientId, server.clientSecret);
      });
      after(async () => {
        await server?.close();
      });
      suite({
        store,
        server: started,
        roster: () => {
          if (!roster) throw new Error('server not started');
          return roster;
        },
        newRoster: (rosterOptions, credentials) => {
          const { baseUrl, clientId, clientSecret } = started();
          return new Roster(baseUrl, credentials?.clientId ?? clientId, credentials?.clientSecret ?? clientSecret, rosterOptions);
        },
      });
    });
  }
}

// The SCIM URNs and the JSON object type, as the server's test support declares them (once).
export { ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA } from '../../../server/test/support/scim-fixtures.js';
export type { Json };

/** What an IdP holds after the admin portal step: the SCIM base URL and a bearer secret. */
export interface ScimConnection {
  endpoint: string;
  secret: string;
}

/** One SCIM request as an IdP sends it; returns status and parsed body. */
export async function scim(connection: ScimConnection, method: string, path: string, body?: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${connection.endpoint}${path}`, {
    method,
    headers: { authorization: `Bearer ${connection.secret}`, ...(body ? { 'content-type': 'application/scim+json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

/** POSTs a SCIM resource and returns its id, failing the test on anything but 201. */
export async function scimCreate(connection: ScimConnection, type: 'Users' | 'Groups', resource: Json): Promise<string> {
  const created = await scim(connection, 'POST', `/${type}`, resource);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return String(created.body.id);
}

/** An organization with SCIM on, a directory and a secret, made through the SDK. */
export async function provision(roster: Roster, name = 'Acme'): Promise<{ organizationId: string; directoryId: string; connection: ScimConnection }> {
  const { organization } = await roster.organization.createOrganization(name);
  await roster.organization.updateOrganizationSettings(organization.id, { features: [{ name: 'scim', enabled: true }] });
  const { directory } = await roster.directory.createDirectory(organization.id, { directoryProvider: 'OKTA' });
  const { plain_secret } = await roster.directory.createDirectorySecret(organization.id, directory.id);
  return { organizationId: organization.id, directoryId: directory.id, connection: { endpoint: directory.directory_endpoint, secret: plain_secret } };
}

/** Asserts that `promise` rejects with an error of `type` and returns it for more checks. */
export async function rejectsWith<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but it resolved`);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
