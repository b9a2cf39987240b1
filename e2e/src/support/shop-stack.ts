/**
 * What the end-to-end scenarios need from a running suite, wherever it runs: the local stack
 * (`npm start`'s apps/stack), or containers (real Kafka and PostgreSQL) with the same services.
 */
import { type MailCatcherClient } from '@shopstream/local-infra';
import { type SpsClient } from '@shopstream/sps-client';

export interface ShopStack {
  /** What runs underneath, for test names and skip messages. */
  readonly kind: string;
  /** Base URL of each service by name (`order-api`, `order-store`, `mailer`, …). */
  url(service: string): string;
  /** The web inbox of the mail catcher. */
  readonly inbox: MailCatcherClient;
  /** An SPS client on the same streams the services use (the kafka driver). */
  readonly sps: SpsClient;
  /** Stops one service; the rest keep running. */
  stopService(name: string): Promise<void>;
  /** Starts it again; resolves once it is healthy. */
  startService(name: string): Promise<void>;
  close(): Promise<void>;
}
