/**
 * A consumer: one member of a consumer group, running the delivery runtime over the driver's
 * group membership. `start` resolves once the member has joined and got its partitions;
 * `stop` is the graceful shutdown: stop fetching, finish the records in flight, commit, leave.
 */
import {
  type DriverGroupConsumer,
  type PartitionRef,
  SpsError,
  type SpsDriver,
} from '@shopstream/sps-core';
import { DeadLetterSink } from '../dead-letter/dead-letter-sink';
import { deadLetterStreamOf } from '../dead-letter/dead-letter-headers';
import { CommitTracker, DEFAULT_COMMIT_OPTIONS } from '../runtime/commit-tracker';
import {
  type ConsumerEventListener,
  type ConsumerEventName,
  ConsumerEvents,
} from '../runtime/consumer-events';
import { DeliveryRuntime } from '../runtime/delivery-runtime';
import { resolveRetryPolicy, stripUndefined } from '../runtime/retry-policy';
import { type MessageHandler } from '../runtime/sps-message';
import { type ConsumerOptions, consumeStart } from './consumer-options';

export class SpsConsumer {
  private readonly events = new ConsumerEvents();
  private running:
    | { driver: DriverGroupConsumer; commits: CommitTracker; deadLetters: DeadLetterSink | null }
    | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly driver: SpsDriver,
    private readonly options: ConsumerOptions,
    private readonly onStop: () => void,
  ) {}

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends ConsumerEventName>(name: E, listener: ConsumerEventListener<E>): () => void {
    return this.events.on(name, listener);
  }

  /**
   * Joins the group and runs `handler` for every record of the partitions this member gets.
   * Resolves once the member has its first assignment (possibly no partitions).
   *
   * @example
   * ```ts
   * const consumer = client.consumer({ group: 'mailer', streams: ['orders'] });
   * await consumer.start(async (message, ctx) => {
   *   await mailer.sendConfirmation(JSON.parse(message.value!.toString()));
   * });
   * ```
   */
  async start(handler: MessageHandler): Promise<void> {
    if (this.running || this.stopping) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'a consumer can be started once');
    }
    const o = this.options;
    const group = this.driver.createGroupConsumer({
      group: o.group,
      streams: o.streams,
      from: consumeStart(o.from ?? 'earliest'),
      clientId: o.clientId ?? 'sps',
      sessionTimeoutMs: o.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: o.heartbeatIntervalMs ?? 3_000,
      rebalanceTimeoutMs: o.rebalanceTimeoutMs ?? 60_000,
      maxWaitMs: o.maxWaitMs ?? 1_000,
    });
    const owns = (ref: PartitionRef) =>
      group.assignment().some((p) => p.stream === ref.stream && p.partition === ref.partition);
    const commits = new CommitTracker(
      { ...DEFAULT_COMMIT_OPTIONS, ...stripUndefined(o.commit ?? {}) },
      {
        commit: (done) => group.commit(done),
        owns,
        onCommitted: (partitions) => this.events.emit('committed', { partitions }),
        onError: (error) => this.events.emit('error', { error }),
      },
    );
    const deadLetters =
      o.deadLetter === false
        ? null
        : new DeadLetterSink(this.driver, o.deadLetter?.stream ?? deadLetterStreamOf);
    this.running = { driver: group, commits, deadLetters };
    const runtime = new DeliveryRuntime({
      group: o.group,
      handler,
      retry: resolveRetryPolicy(o.retry),
      deadLetters,
      commits,
      events: this.events,
      heartbeatIntervalMs: o.heartbeatIntervalMs ?? 3_000,
    });
    try {
      await group.start(runtime);
    } catch (error) {
      // Never joined (e.g. a session timeout the coordinator refuses): release what we built.
      this.stopping = Promise.resolve();
      commits.close();
      await deadLetters?.close();
      this.onStop();
      throw error;
    }
  }

  /** Partitions this member owns now. */
  assignment(): PartitionRef[] {
    return this.running?.driver.assignment() ?? [];
  }

  /** Graceful shutdown: stop fetching, finish in-flight records, commit, leave the group. */
  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    const running = this.running;
    try {
      if (!running) return;
      await running.driver.stop(); // revokes everything first: the runtime commits there
      await running.commits.flush();
      running.commits.close();
      await running.deadLetters?.close();
    } finally {
      this.onStop();
    }
  }
}
