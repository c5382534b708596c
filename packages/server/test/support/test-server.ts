import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

export type StoreKind = 'embedded' | 'postgres';

/** Both stores, unless ROSTER_TEST_STORE names one. Every integration suite runs on each. */
export function storesUnderTest(): StoreKind[] {
  const only = process.env.ROSTER_TEST_STORE;
  if (only === 'embedded' || only === 'postgres') return [only];
  return ['embedded', 'postgres'];
}

/** The PostgreSQL server tests create their throwaway databases on. */
const ADMIN_URL = process.env.ROSTER_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestServer {
  store: StoreKind;
  /** http://127.0.0.1:port — a real listening server. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  server: RunningServer;
  close(): Promise<void>;
}

export interface TestServerOptions {
  store: StoreKind;
  env?: Record<string, string>;
  /** Where the server's log lines go (through the real logger); silent unless LOG_LEVEL is set in env. */
  logDestination?: DestinationStream;
}

/** A real Roster on a loopback port, on a fresh in-memory embedded store or a fresh PostgreSQL database. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const clientId = `test_client_${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const database = options.store === 'postgres' ? await createDatabase() : undefined;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.ROSTER_TEST_LOG_LEVEL ?? 'silent',
    ROSTER_CLIENT_ID: clientId,
    ROSTER_CLIENT_SECRET: clientSecret,
    ROSTER_SCIM_RATE_LIMIT: '100000',
    ROSTER_SCIM_RATE_BURST: '100000',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const server = await startServer({ config, logger: createLogger(config.LOG_LEVEL, { destination: options.logDestination }), dataDir: 'memory://' });
  return {
    store: options.store,
    baseUrl: server.url,
    clientId,
    clientSecret,
    server,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}
