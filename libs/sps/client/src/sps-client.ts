/**
 * The SPS client: producers, consumers (group members), readers (no group), admin and re-drive,
 * all in SPS terms, on whichever driver `connect()` chose. `close()` stops what it created:
 * consumers and readers gracefully (finish, commit, leave), then producers, then the driver.
 */
import { type SpsDriver, type StreamName } from '@shopstream/sps-core';
import { SpsAdmin } from './admin/sps-admin';
import { type ConsumerOptions, type ReaderOptions } from './consumer/consumer-options';
import { SpsConsumer } from './consumer/sps-consumer';
import { redrive, type RedriveOptions, type RedriveResult } from './dead-letter/redrive';
import { type ProducerOptions, SpsProducer } from './producer/sps-producer';
import { SpsReader } from './reader/sps-reader';

export class SpsClient {
  private readonly consumers = new Set<SpsConsumer | SpsReader>();
  private readonly producers = new Set<SpsProducer>();
  private readonly adminApi: SpsAdmin;
  private closing: Promise<void> | undefined;

  constructor(private readonly driver: SpsDriver) {
    this.adminApi = new SpsAdmin(driver.admin);
  }

  /** The driver's name: `'embedded'`, `'kafka'`, … */
  get driverName(): string {
    return this.driver.kind;
  }

  /** A producer. @example `await client.producer().send('orders', { key: id, value: json })` */
  producer(options: ProducerOptions = {}): SpsProducer {
    const producer: SpsProducer = new SpsProducer(
      this.driver.createProducer({
        idempotent: options.idempotent ?? true,
        compression: options.compression ?? 'none',
      }),
      () => this.producers.delete(producer),
    );
    this.producers.add(producer);
    return producer;
  }

  /** A member of a consumer group; call `start(handler)`. */
  consumer(options: ConsumerOptions): SpsConsumer {
    const consumer: SpsConsumer = new SpsConsumer(this.driver, options, () =>
      this.consumers.delete(consumer),
    );
    this.consumers.add(consumer);
    return consumer;
  }

  /** A reader of explicit partitions without a group: the application keeps its indexes. */
  reader(options: ReaderOptions): SpsReader {
    const reader: SpsReader = new SpsReader(this.driver, options, () =>
      this.consumers.delete(reader),
    );
    this.consumers.add(reader);
    return reader;
  }

  admin(): SpsAdmin {
    return this.adminApi;
  }

  /**
   * Moves the dead letters of `deadLetterStream` back to their source streams (see redrive.ts).
   *
   * @example
   * ```ts
   * const { moved } = await client.redrive('orders.dlq');
   * ```
   */
  redrive(deadLetterStream: StreamName, options: RedriveOptions = {}): Promise<RedriveResult> {
    return redrive(
      {
        admin: this.adminApi,
        producer: (o) => this.producer(o),
        consumer: (o) => this.consumer(o),
      },
      deadLetterStream,
      options,
    );
  }

  /** Stops consumers and readers gracefully, closes producers, then the driver. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.consumers].map((c) => c.stop()));
      await Promise.allSettled([...this.producers].map((p) => p.close()));
      await this.driver.close();
    })();
    return this.closing;
  }
}
