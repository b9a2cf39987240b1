/**
 * The stock application around a root module: service-kit's HTTP app plus the SPS consumer
 * of group `erp-stock` on `orders`. Then `startAllMicroservices()` (joins the group) and
 * `listen()`.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GROUPS, STREAMS } from '@shopstream/commerce-contracts';
import { type CommitOptions, type RetryPolicy } from '@shopstream/sps-client';
import { connectSpsTransport } from '@shopstream/sps-nest';
import { createServiceApp } from '@shopstream/service-kit';

/**
 * Retries of an order that could not be booked (a database outage): 10 deliveries, 0.5 s
 * doubling to 30 s (about 2 to 3 minutes in all, with jitter), then the dead-letter stream
 * `orders.dlq`. An unknown SKU or a contract violation is not retried: dead-lettered at
 * once.
 */
export const STOCK_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 10,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
};

export interface StockDeliveryOptions {
  /** Tests shorten the delays. @default STOCK_RETRY */
  retry?: Partial<RetryPolicy>;
  /** @default the client's: every second or 100 records, and on stop */
  commit?: Partial<CommitOptions>;
}

export async function createStockApp(
  rootModule: Type<unknown>,
  options: StockDeliveryOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(rootModule);
  connectSpsTransport(app, {
    group: GROUPS.erpStock,
    streams: [STREAMS.orders],
    clientId: GROUPS.erpStock,
    retry: { ...STOCK_RETRY, ...options.retry },
    ...(options.commit === undefined ? {} : { commit: options.commit }),
  });
  return app;
}
