import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { catchUp, serialCatchUp, type CatchUpResult, type ReadEventsPage } from './catch-up.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './database.js';
import { listUsers } from './directory-tables.js';
import { eventsReader, webhookVerifier } from './roster-client.js';
import { pruneProcessed, syncCounts } from './sync-state.js';
import { renderUsersPage } from './users-page.js';
import { handleWebhook, type VerifySignature } from './webhook-handler.js';

// The sample app: an HTTP server with Roster's webhook endpoint and a page of users, its own
// database, and the Events API catch-up at start and on a timer.

export interface RunningApp {
  url: string;
  db: Database;
  /** What the catch-up at start applied (what happened while the app was down). */
  startupCatchUp: CatchUpResult;
  /** Reads the Events API now (what the timer does). */
  catchUp(): Promise<CatchUpResult>;
  close(): Promise<void>;
}

export interface AppDependencies {
  readPage?: ReadEventsPage;
  verify?: VerifySignature;
  log?: (line: string) => void;
}

function send(response: ServerResponse, status: number, body?: string, type = 'application/json'): void {
  response.statusCode = status;
  if (body !== undefined) response.setHeader('content-type', `${type}; charset=utf-8`);
  response.end(body);
}

export async function startApp(config: AppConfig, dependencies: AppDependencies = {}): Promise<RunningApp> {
  const log = dependencies.log ?? ((line: string) => console.log(`${new Date().toISOString()} ${line}`));
  const readPage = dependencies.readPage ?? eventsReader(config);
  const verify = dependencies.verify ?? webhookVerifier();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await pruneProcessed(db.pool);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    if (request.method === 'POST' && path === '/webhooks/roster') {
      const answer = await handleWebhook(request, db, config.webhookSecret, verify);
      if (answer.outcome) log(`webhook ${answer.eventId} ${answer.type}: ${answer.outcome}`);
      else log(`webhook refused (${answer.status}): ${String(answer.body?.error)}`);
      return send(response, answer.status, answer.body ? JSON.stringify(answer.body) : undefined);
    }
    if (request.method === 'GET' && path === '/') {
      return send(response, 200, renderUsersPage(await listUsers(db.pool), await syncCounts(db.pool)), 'text/html');
    }
    if (request.method === 'GET' && path === '/users.json') {
      return send(response, 200, JSON.stringify({ users: await listUsers(db.pool), sync: await syncCounts(db.pool) }, null, 2));
    }
    if (request.method === 'GET' && path === '/healthz') return send(response, 200, '{"ok":true}');
    return send(response, 404, '{"error":"not found"}');
  }

  // Requests being handled, so a stop lets their transactions finish before the database closes.
  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handled = route(request, response)
      .catch((error: unknown) => {
        log(`${request.method} ${request.url} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) send(response, 500, '{"error":"internal error"}');
        else response.destroy();
      })
      .finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  const stopServer = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    await Promise.all(inFlight);
    server.closeAllConnections();
    await closed;
  };

  const catchUps = serialCatchUp(async () => {
    const result = await catchUp(db, readPage, log);
    if (result.events > 0) log(`Events API: ${result.events} events (${Object.entries(result.outcomes).map(([outcome, count]) => `${count} ${outcome}`).join(', ')})`);
    return result;
  });

  // Listen first, so webhooks are taken while the catch-up reads: both paths apply safely side by side.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let startupCatchUp: CatchUpResult;
  try {
    startupCatchUp = await catchUps.run();
  } catch (error) {
    await stopServer();
    await db.close();
    throw error;
  }

  let timer: NodeJS.Timeout | undefined;
  if (config.pollSeconds > 0) {
    timer = setInterval(() => {
      catchUps.run().catch((error: unknown) => log(`Events API catch-up failed: ${error instanceof Error ? error.message : String(error)}`));
    }, config.pollSeconds * 1000);
  }

  return {
    url,
    db,
    startupCatchUp,
    catchUp: () => catchUps.run(),
    async close() {
      clearInterval(timer);
      await stopServer();
      await catchUps.settled();
      await db.close();
    },
  };
}
