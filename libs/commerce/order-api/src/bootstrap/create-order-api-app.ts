/**
 * The order API's HTTP application around a root module: service-kit's app (pino logs,
 * `/health`, `/metrics`, Fastify) with the body limit of `POST /orders`, the contracts' error
 * bodies and the OpenAPI docs. The app's `main.ts` and the tests create it the same way.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAX_ORDER_BODY_BYTES } from '@shopstream/commerce-contracts';
import { createServiceApp } from '@shopstream/service-kit';
import { loadOpenApiDocument, setupOpenApiDocs } from '../docs/openapi-docs';
import { ContractErrorBodiesFilter } from '../http/contract-error-bodies.filter';

/**
 * @example
 * ```ts
 * const app = await createOrderApiApp(AppModule);
 * await app.listen(3000, '127.0.0.1');
 * ```
 */
export async function createOrderApiApp(
  rootModule: Type<unknown>,
): Promise<NestFastifyApplication> {
  const document = loadOpenApiDocument(); // fail before connecting to anything
  const app = await createServiceApp(rootModule, { bodyLimitBytes: MAX_ORDER_BODY_BYTES });
  app.useGlobalFilters(new ContractErrorBodiesFilter());
  setupOpenApiDocs(app, document);
  return app;
}
