/**
 * The outbox relay: appends the `stock.low` records that bookings wrote to the outbox to the
 * `stock` stream, and marks them published (OutboxRepository.publishPending).
 *
 * When: at once after a booking that wrote one (`kick()`, which the handler does not await),
 * and every `pollIntervalMs` for whatever is still pending — records of a run that failed
 * (broker down), of another instance, or of a process that died between its COMMIT and its
 * publish. One run at a time in this process; a kick during a run schedules one more run.
 *
 * Guarantee: every committed record is appended at least once; it is appended again only if a
 * run's append succeeded and its "published" mark did not commit, and then with the same
 * deterministic `event-id`. The producer is idempotent (a retried append inside its session is
 * stored once). Records of one SKU are appended in booking order.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SpsClient, type SpsProducer } from '@shopstream/sps-client';
import { type OutboxRecord } from '@shopstream/stock-data';
import { withTimeout } from '@shopstream/commerce-service-config';
import { StockDatabase } from '../database/stock-database';
import { ensureStockStream } from './stock-stream';

export interface OutboxRelayOptions {
  /** How often pending records are looked for. @default 1000 */
  pollIntervalMs?: number;
  /** How long one append may take before the run fails (records stay pending). @default 10000 */
  sendTimeoutMs?: number;
}

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(OutboxRelay.name);
  private producer: SpsProducer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  /** Records appended by this process, for logs and tests. */
  published = 0;

  constructor(
    @Inject(SpsClient) private readonly client: SpsClient,
    private readonly database: StockDatabase,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {
    // The pool must outlive the last run, whichever shutdown hook Nest happens to call first.
    database.beforeClose(() => this.stop());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.producer !== undefined) return; // a hybrid app bootstraps twice
    this.producer = this.client.producer();
    try {
      this.log.log(`stream "stock": ${await ensureStockStream(this.client)}`);
    } catch (error) {
      // Not fatal: the relay's appends fail and are retried on every poll until it is back.
      this.log.warn(`could not ensure stream "stock": ${String(error)}`);
    }
    this.timer = setInterval(() => void this.kick(), this.options.pollIntervalMs ?? 1_000);
    this.timer.unref();
    void this.kick(); // whatever a previous process left pending
  }

  /** Publishes what is pending, now or right after the run in progress; never rejects. */
  kick(): Promise<void> {
    if (this.stopped || this.producer === undefined) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runUntilIdle(): Promise<void> {
    do {
      this.again = false;
      try {
        let sent: number;
        do {
          sent = await this.database.outbox.publishPending((records) => this.append(records));
          this.published += sent;
        } while (sent > 0 && !this.stopped);
      } catch (error) {
        this.log.warn(`stock.low records stay pending, retried on the next poll: ${String(error)}`);
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** Appends `records` in their order, one append per run of records for the same stream. */
  private async append(records: OutboxRecord[]): Promise<void> {
    const producer = this.producer!;
    for (let start = 0; start < records.length;) {
      const stream = records[start]!.stream;
      let end = start + 1;
      while (end < records.length && records[end]!.stream === stream) end++;
      const batch = records.slice(start, end);
      await withTimeout(
        producer.send(
          stream,
          batch.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
        ),
        this.options.sendTimeoutMs ?? 10_000,
        `stream "${stream}"`,
      );
      start = end;
    }
    this.log.log({
      msg: `published ${records.length} outbox record(s)`,
      eventIds: records.map((r) => r.eventId),
    });
  }

  /** After the consumer stopped: one last run for what the final bookings wrote, then close. */
  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Idempotent: the database's close hook and Nest's shutdown hook both end up here. */
  private stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.timer);
      await this.running;
      await this.kick();
      this.stopped = true;
      await this.producer?.close().catch(() => undefined);
    })();
    return this.stopping;
  }
}
