/**
 * `/docs`: the order API's OpenAPI document and a Swagger UI for it. The document is the
 * generated `docs/openapi.json` (`npm run contracts:generate`, the single source), served
 * unchanged by `SwaggerModule` at `/docs/openapi.json`.
 *
 * The UI's three static files come from `swagger-ui-dist` through three routes here, instead
 * of `SwaggerModule`'s own UI: that one needs `@fastify/static`, and the major Nest 11 accepts
 * (10.x) depends on `content-disposition@3`, which requires Node 22 (our machines run 20).
 */
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Where the document is, relative to the workspace root (and to a container's work dir). */
export const OPENAPI_DOCUMENT_PATH = 'docs/openapi.json';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>shopstream order API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-standalone-preset.js"></script>
    <script>
      window.ui = SwaggerUIBundle({
        url: '/docs/openapi.json',
        dom_id: '#swagger-ui',
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: 'StandaloneLayout',
      });
    </script>
  </body>
</html>
`;

/**
 * Finds `docs/openapi.json` in `from` or a parent directory: the workspace root, from the
 * sources (tests), from `dist/` (`node dist/apps/order-api/src/main.js`) or from the current
 * directory (a container that copies `docs/` next to `dist/`).
 *
 * @throws Error naming the directories searched.
 */
export function loadOpenApiDocument(from: string[] = [__dirname, process.cwd()]): OpenAPIObject {
  for (const start of from) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, OPENAPI_DOCUMENT_PATH);
      if (existsSync(candidate))
        return JSON.parse(readFileSync(candidate, 'utf8')) as OpenAPIObject;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`${OPENAPI_DOCUMENT_PATH} not found above ${from.join(' or ')}`);
}

/** Serves the document at `/docs/openapi.json` and Swagger UI at `/docs`. */
export function setupOpenApiDocs(app: NestFastifyApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: OPENAPI_DOCUMENT_PATH,
  });
  // createRequire: under Vitest this file runs as an ES module, without `require`.
  const assetsDir = dirname(createRequire(__filename).resolve('swagger-ui-dist/package.json'));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  for (const [file, type] of Object.entries(ASSETS)) {
    fastify.get(`/docs/${file}`, async (_request, reply) =>
      reply.type(type).send(await readFile(join(assetsDir, file))),
    );
  }
}
