/**
 * The shipping application around a root module: service-kit's HTTP app plus the SPS consumer
 * of group `shipping` on `orders`. Then `startAllMicroservices()` (joins the group) and
 * `listen()`.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GROUPS, STREAMS } from '@shopstream/commerce-contracts';
import { type CommitOptions, type RetryPolicy } from '@shopstream/sps-client';
import { connectSpsTransport } from '@shopstream/sps-nest';
import { createServiceApp } from '@shopstream/service-kit';

/**
 * Retries of a label that could not be stored (a database outage): 10 deliveries, 0.5 s
 * doubling to 30 s (about 2 to 3 minutes in all, with jitter), then the dead-letter stream
 * `orders.dlq`. An unshippable address or a contract violation is not retried: dead-lettered at
 * once.
 */
export const SHIPPING_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 10,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
};

export interface ShippingDeliveryOptions {
  /** Tests shorten the delays. @default SHIPPING_RETRY */
  retry?: Partial<RetryPolicy>;
  /** @default the client's: every second or 100 records, and on stop */
  commit?: Partial<CommitOptions>;
}

export async function createShippingApp(
  rootModule: Type<unknown>,
  options: ShippingDeliveryOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(rootModule);
  connectSpsTransport(app, {
    group: GROUPS.shipping,
    streams: [STREAMS.orders],
    clientId: GROUPS.shipping,
    retry: { ...SHIPPING_RETRY, ...options.retry },
    ...(options.commit === undefined ? {} : { commit: options.commit }),
  });
  return app;
}
