import { after, before, describe } from 'node:test';
import { provisionDirectory, type ProvisionedDirectory } from './api-client.js';
import { startTestServer, storesUnderTest, type StoreKind, type TestServer } from './test-server.js';

export interface StoreFixture {
  store: StoreKind;
  /** The running server (valid inside tests). */
  server(): TestServer;
  /** A directory provisioned once for the suite, with SCIM on and a secret. */
  directory(): ProvisionedDirectory;
  /** A fresh directory in a fresh organization, for tests that need an empty one. */
  newDirectory(provider?: string): Promise<ProvisionedDirectory>;
}

/** Runs the suite once per store against a real server on loopback. */
export function describeEachStore(title: string, suite: (fixture: StoreFixture) => void, options: { env?: Record<string, string> } = {}): void {
  for (const store of storesUnderTest()) {
    describe(`${title} [${store}]`, () => {
      let server: TestServer | undefined;
      let directory: ProvisionedDirectory | undefined;
      before(async () => {
        server = await startTestServer({ store, ...(options.env ? { env: options.env } : {}) });
        directory = await provisionDirectory(server.baseUrl, server.clientId, server.clientSecret);
      });
      after(async () => {
        await server?.close();
      });
      suite({
        store,
        server: () => {
          if (!server) throw new Error('server not started');
          return server;
        },
        directory: () => {
          if (!directory) throw new Error('directory not provisioned');
          return directory;
        },
        newDirectory: (provider = 'OKTA') => {
          if (!server) throw new Error('server not started');
          return provisionDirectory(server.baseUrl, server.clientId, server.clientSecret, provider);
        },
      });
    });
  }
}
