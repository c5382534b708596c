import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../directory/services.js';
import { baseUrlOf } from '../base-url.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi-document.js';
import type { OperationSpec } from '../openapi-route.js';

// The OpenAPI document at /api/openapi.json and Swagger UI at /api/docs, served from the
// swagger-ui-dist package on disk: the docs page loads nothing from a CDN.

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Roster management API</title>
  <link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false });\n`;

const assetDirectory = (): string => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export function apiDocsRoutes(app: FastifyInstance, services: Services, operations: readonly OperationSpec[]): void {
  let document: OpenApiDocument | undefined;
  const assets = new Map<string, Buffer>();

  app.get('/api/openapi.json', async (request) => {
    // Built once, when first asked for: every route is registered by then.
    document ??= buildOpenApiDocument(operations);
    return { ...document, servers: [{ url: baseUrlOf(services, request) }] };
  });

  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/api/docs/init.js', async (_request, reply) => reply.type('application/javascript; charset=utf-8').send(INIT));

  app.get<{ Params: { file: string } }>('/api/docs/assets/:file', async (request, reply) => {
    const { file } = request.params;
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return reply.status(404).send({ code: 'not_found', message: `no docs asset ${file}` });
    let content = assets.get(file);
    if (!content) {
      content = await readFile(join(assetDirectory(), file));
      assets.set(file, content);
    }
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(content);
  });
}
