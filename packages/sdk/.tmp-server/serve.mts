import { loadConfig } from './src/config.js';
import { createLogger } from './src/logger.js';
import { startServer } from './src/server.js';
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ROSTER_CLIENT_ID: 'dev_client_1', ROSTER_CLIENT_SECRET: 'x'.repeat(30) });
const server = await startServer({ config, logger: createLogger(config.LOG_LEVEL), dataDir: 'memory://' });
const text = await (await fetch(`${server.url}/api/openapi.json`)).text();
(await import('node:fs')).writeFileSync('/tmp/sdkwork/openapi-fixed.json', JSON.stringify(JSON.parse(text), null, 2));
await server.close();
