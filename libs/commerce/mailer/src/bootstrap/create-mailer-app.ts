/**
 * The mailer application around a root module: service-kit's HTTP app plus the SPS consumer
 * of group `mailer` on `orders`. Then `startAllMicroservices()` (joins the group) and
 * `listen()`.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GROUPS, STREAMS } from '@shopstream/commerce-contracts';
import { type CommitOptions, type RetryPolicy } from '@shopstream/sps-client';
import { connectSpsTransport } from '@shopstream/sps-nest';
import { createServiceApp } from '@shopstream/service-kit';

/**
 * Retries of a confirmation that could not be sent (SMTP or the database down): 8 deliveries,
 * 1 s doubling to at most 30 s between them (1, 2, 4, 8, 16, 30, 30 s: about 1.5 minutes, or
 * 45 s at the most jitter), then the dead-letter stream `orders.dlq`, from which a re-drive
 * sends them once SMTP is back. The partition waits meanwhile (order per partition), which is
 * what an SMTP outage should do: the mails queue up on the stream, not in the mailer.
 */
export const MAILER_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 8,
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export interface MailerDeliveryOptions {
  /** Tests shorten the delays. @default MAILER_RETRY */
  retry?: Partial<RetryPolicy>;
  /** @default the client's: every second or 100 records, and on stop */
  commit?: Partial<CommitOptions>;
}

export async function createMailerApp(
  rootModule: Type<unknown>,
  options: MailerDeliveryOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(rootModule);
  connectSpsTransport(app, {
    group: GROUPS.mailer,
    streams: [STREAMS.orders],
    clientId: GROUPS.mailer,
    retry: { ...MAILER_RETRY, ...options.retry },
    ...(options.commit === undefined ? {} : { commit: options.commit }),
  });
  return app;
}
