import { type INestApplication } from '@nestjs/common';
import { type INestMicroservice } from '@nestjs/common';
import { SpsClient } from '@shopstream/sps-client';
import { SpsExceptionFilter } from './sps.exception-filter';
import { SpsServer, type SpsServerOptions } from './sps.server';

/**
 * Adds an SPS consumer to a Nest app as a microservice transport, with the app's connected
 * client and the filter that lets handler errors reach the retry / dead-letter runtime.
 * Call `app.startAllMicroservices()` afterwards.
 *
 * @example
 * ```ts
 * const app = await createServiceApp(AppModule);
 * connectSpsTransport(app, { group: 'mailer', streams: ['orders'] });
 * await app.startAllMicroservices();
 * await app.listen(3002, '127.0.0.1');
 * ```
 */
export function connectSpsTransport(
  app: INestApplication,
  options: Omit<SpsServerOptions, 'client'> & { client?: SpsClient },
): { microservice: INestMicroservice; server: SpsServer } {
  const server = new SpsServer({ ...options, client: options.client ?? app.get(SpsClient) });
  const microservice = app.connectMicroservice<Record<string, unknown>>(
    { strategy: server },
    // Its own config (not the app's): the filter below must not reach the HTTP routes, whose
    // errors Nest's HTTP filter answers. Deferred: listeners (and their exception handlers)
    // are created at start, after the filter is in.
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalFilters(new SpsExceptionFilter());
  return { microservice, server };
}
