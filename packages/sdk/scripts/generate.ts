import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { fetchOpenApiDocument, renderOpenApiTypes } from './openapi-types.js';

// npm run generate -w @roster/sdk [-- --url http://127.0.0.1:8080]
// Regenerates src/generated/openapi.ts from a running Roster (--url) or, by default, from a
// throwaway in-memory embedded server started in this process.

const { values } = parseArgs({ options: { url: { type: 'string' } } });
const target = new URL('../src/generated/openapi.ts', import.meta.url);

async function documentFromThrowawayServer() {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const server = await startServer({ config, logger: createLogger(config.LOG_LEVEL), dataDir: 'memory://' });
  try {
    return await fetchOpenApiDocument(server.url);
  } finally {
    await server.close();
  }
}

const document = values.url ? await fetchOpenApiDocument(values.url) : await documentFromThrowawayServer();
await writeFile(target, await renderOpenApiTypes(document));
console.log(`wrote ${target.pathname}`);
