/**
 * The crm application around a root module: service-kit's HTTP app plus the SPS consumer of
 * group `crm` on `orders`. Then `startAllMicroservices()` (joins the group) and `listen()`.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GROUPS, STREAMS } from '@shopstream/commerce-contracts';
import { type CommitOptions, type RetryPolicy } from '@shopstream/sps-client';
import { connectSpsTransport } from '@shopstream/sps-nest';
import { createServiceApp } from '@shopstream/service-kit';

/**
 * Retries of a failing `order.placed` (a database outage): 10 deliveries, 0.5 s doubling to
 * 30 s (about 2 to 3 minutes in all, with jitter), then the dead-letter stream `orders.dlq` —
 * order-store's policy, for the same kind of effect. A contract violation or an order in
 * another currency than the customer's is not retried: it is dead-lettered at once.
 */
export const CRM_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 10,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
};

export interface CrmDeliveryOptions {
  /** Tests shorten the delays. @default CRM_RETRY */
  retry?: Partial<RetryPolicy>;
  /** @default the client's: every second or 100 records, and on stop */
  commit?: Partial<CommitOptions>;
}

export async function createCrmApp(
  rootModule: Type<unknown>,
  options: CrmDeliveryOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(rootModule);
  connectSpsTransport(app, {
    group: GROUPS.crm,
    streams: [STREAMS.orders],
    clientId: GROUPS.crm,
    retry: { ...CRM_RETRY, ...options.retry },
    ...(options.commit === undefined ? {} : { commit: options.commit }),
  });
  return app;
}
