/**
 * A reader: records of explicit partitions, no group, no commits — the application keeps its
 * own index ("it can be done manually in the application"). Same delivery runtime as a
 * consumer: per partition in order, retries with backoff, dead letters when enabled.
 *
 * Exactly-once effects without an inbox: store the effect and the next index in one database
 * transaction, and start the reader from the stored indexes.
 */
import { SpsError, type DriverPartitionReader, type SpsDriver } from '@shopstream/sps-core';
import { DeadLetterSink } from '../dead-letter/dead-letter-sink';
import { deadLetterStreamOf } from '../dead-letter/dead-letter-headers';
import {
  type ConsumerEventListener,
  type ConsumerEventName,
  ConsumerEvents,
} from '../runtime/consumer-events';
import { DeliveryRuntime } from '../runtime/delivery-runtime';
import { resolveRetryPolicy } from '../runtime/retry-policy';
import { type MessageHandler } from '../runtime/sps-message';
import { type ReaderOptions, readStart } from '../consumer/consumer-options';

export class SpsReader {
  private readonly events = new ConsumerEvents();
  private running:
    { driver: DriverPartitionReader; deadLetters: DeadLetterSink | null } | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly driver: SpsDriver,
    private readonly options: ReaderOptions,
    private readonly onStop: () => void,
  ) {}

  on<E extends ConsumerEventName>(name: E, listener: ConsumerEventListener<E>): () => void {
    return this.events.on(name, listener);
  }

  /**
   * Starts reading; resolves once every partition's start index is resolved and fetching.
   *
   * @example
   * ```ts
   * const stored = await db.readerIndexes('orders'); // { 0: 42, 1: 17 }
   * const reader = client.reader({ stream: 'orders', from: { indexes: stored } });
   * await reader.start((m) => db.transaction(async (tx) => {
   *   await tx.applyOrder(m);
   *   await tx.saveReaderIndex('orders', m.partition, Number(m.index) + 1);
   * }));
   * ```
   */
  async start(handler: MessageHandler): Promise<void> {
    if (this.running || this.stopping) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'a reader can be started once');
    }
    const o = this.options;
    const reader = this.driver.createPartitionReader({
      stream: o.stream,
      ...(o.partitions ? { partitions: o.partitions } : {}),
      from: readStart(o.stream, o.from),
      clientId: o.clientId ?? 'sps',
      maxWaitMs: o.maxWaitMs ?? 1_000,
    });
    const deadLetters = o.deadLetter
      ? new DeadLetterSink(this.driver, o.deadLetter.stream ?? deadLetterStreamOf)
      : null;
    this.running = { driver: reader, deadLetters };
    const runtime = new DeliveryRuntime({
      group: null,
      handler,
      retry: resolveRetryPolicy(o.retry),
      deadLetters,
      commits: null,
      events: this.events,
      heartbeatIntervalMs: 1_000,
    });
    try {
      await reader.start(runtime);
    } catch (error) {
      // E.g. a partition the stream does not have: nothing is running, release what we built.
      this.stopping = this.stopNow();
      await this.stopping;
      throw error;
    }
  }

  /** Stops fetching and waits for the records in flight. */
  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    try {
      await this.running?.driver.stop();
      await this.running?.deadLetters?.close();
    } finally {
      this.onStop();
    }
  }
}
