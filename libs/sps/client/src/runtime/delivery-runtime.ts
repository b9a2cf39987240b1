/**
 * The delivery runtime: what happens between a driver handing over a batch and the index being
 * committed. It is the same for every driver; drivers only move records and indexes.
 *
 * - Per partition sequential, partitions concurrently: the driver calls `onBatch` for one
 *   partition only after its previous batch resolved, and for different partitions at once.
 * - A record is done when its handler resolved, or when it was dead-lettered. Done records go to
 *   the CommitTracker in index order, so a commit is never ahead of an unfinished record.
 * - A failed handler is retried with exponential backoff while its error is retriable (see
 *   retry-policy.ts), heartbeating meanwhile; after `maxAttempts`, or at once for a
 *   non-retriable error, the record goes to its dead-letter stream and the partition moves on.
 *   Without dead-lettering, the record is retried (at the capped delay) until it succeeds.
 * - A stale batch (partition revoked, consumer stopping) ends after the record in flight: its
 *   remaining records are neither handled nor committed, the next owner gets them.
 * - The handler runs inside the record's trace context, so what it produces continues the trace.
 */
import {
  type DriverBatch,
  type DriverConsumerListener,
  type DriverIndexReset,
  type DriverRecord,
  type PartitionRef,
  type StreamIndex,
} from '@shopstream/sps-core';
import { sleep } from '../support/async';
import { withTraceparent } from '../trace/traceparent';
import { type CommitTracker } from './commit-tracker';
import { type ConsumerEvents } from './consumer-events';
import { backoffDelay, type RetryPolicy, shouldRetry } from './retry-policy';
import { createContext, type MessageHandler, type SpsMessage, toSpsMessage } from './sps-message';

/** Where the runtime writes a dead letter (DeadLetterSink; a fake in tests). */
export interface DeadLetterWriter {
  send(
    message: SpsMessage,
    facts: { error: unknown; attempts: number; group: string | null; time: Date },
  ): Promise<{ stream: string; index: StreamIndex }>;
}

export interface DeliveryRuntimeOptions {
  /** The consumer group; `null` for a reader. */
  group: string | null;
  handler: MessageHandler;
  retry: RetryPolicy;
  /** Where records go that cannot be handled; `null` = retry them until they succeed. */
  deadLetters: DeadLetterWriter | null;
  /** `null` for a reader: the application keeps its own indexes. */
  commits: CommitTracker | null;
  events: ConsumerEvents;
  /** How often to heartbeat while waiting to retry. */
  heartbeatIntervalMs: number;
  /** @default Math.random */
  random?: () => number;
}

const keyOf = (ref: PartitionRef): string => `${ref.partition}:${ref.stream}`;

export class DeliveryRuntime implements DriverConsumerListener {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly o: DeliveryRuntimeOptions) {}

  async onBatch(batch: DriverBatch): Promise<void> {
    const key = keyOf(batch);
    const run = this.deliverBatch(batch);
    this.inFlight.set(key, run);
    try {
      await run;
    } finally {
      if (this.inFlight.get(key) === run) this.inFlight.delete(key);
    }
  }

  onAssigned(partitions: PartitionRef[]): void {
    this.o.events.emit('assigned', { partitions });
  }

  /** Finishes the records in flight on `partitions`, commits them, then lets them go. */
  async onRevoked(partitions: PartitionRef[]): Promise<void> {
    const running = partitions.flatMap((p) => this.inFlight.get(keyOf(p)) ?? []);
    await Promise.all(running);
    await this.o.commits?.flush(partitions);
    this.o.commits?.forget(partitions);
    this.o.events.emit('revoked', { partitions });
  }

  onIndexReset(reset: DriverIndexReset): void {
    this.o.events.emit('index-reset', reset);
  }

  onError(error: unknown): void {
    this.o.events.emit('error', { error });
  }

  private async deliverBatch(batch: DriverBatch): Promise<void> {
    // The handler's signal: the driver's when it has one, else ours, aborted when a wait
    // notices the batch went stale.
    const own = new AbortController();
    const signal = batch.signal ?? own.signal;
    for (const record of batch.records) {
      if (batch.isStale()) return;
      if (!(await this.deliver(record, batch, signal, own))) return;
      this.o.commits?.markDone(record);
    }
  }

  /** True when the record is done (handled or dead-lettered); false when the batch went stale. */
  private async deliver(
    record: DriverRecord,
    batch: DriverBatch,
    signal: AbortSignal,
    own: AbortController,
  ): Promise<boolean> {
    const message = toSpsMessage(record);
    const heartbeat = () => batch.heartbeat();
    for (let attempt = 1; ; attempt++) {
      const context = createContext(message, { group: this.o.group, attempt, signal, heartbeat });
      try {
        await withTraceparent(context.traceparent, () => this.o.handler(message, context));
        return true;
      } catch (error) {
        const retriable = shouldRetry(error, this.o.retry);
        if (this.o.deadLetters && (!retriable || attempt >= this.o.retry.maxAttempts)) {
          return await this.deadLetter(message, error, attempt, batch, own);
        }
        const delayMs = backoffDelay(attempt, this.o.retry, this.o.random);
        this.o.events.emit('retrying', { message, attempt, delayMs, error });
        if (!(await this.pause(delayMs, batch, own))) return false;
      }
    }
  }

  /** Writes the dead letter, retrying while the dead-letter stream cannot take it. */
  private async deadLetter(
    message: SpsMessage,
    error: unknown,
    attempts: number,
    batch: DriverBatch,
    own: AbortController,
  ): Promise<boolean> {
    for (let tries = 1; ; tries++) {
      try {
        const written = await this.o.deadLetters!.send(message, {
          error,
          attempts,
          group: this.o.group,
          time: new Date(),
        });
        this.o.events.emit('dead-lettered', {
          message,
          attempts,
          error,
          deadLetterStream: written.stream,
          deadLetterIndex: written.index,
        });
        return true;
      } catch (sinkError) {
        // The partition cannot move on without its dead letter: keep trying, visibly.
        this.o.events.emit('error', { error: sinkError, message });
        if (!(await this.pause(backoffDelay(tries, this.o.retry, this.o.random), batch, own))) {
          return false;
        }
      }
    }
  }

  /**
   * Waits `ms`, heartbeating every `heartbeatIntervalMs` so the member keeps its partitions.
   * False (and the handler's signal aborted) as soon as the batch is stale.
   */
  private async pause(ms: number, batch: DriverBatch, own: AbortController): Promise<boolean> {
    const until = Date.now() + ms;
    for (;;) {
      if (batch.isStale()) {
        own.abort();
        return false;
      }
      const left = until - Date.now();
      if (left <= 0) return true;
      await sleep(Math.min(left, this.o.heartbeatIntervalMs), batch.signal);
      // A failed heartbeat means a rebalance: the driver marks the batch stale, checked above.
      await batch.heartbeat().catch(() => undefined);
    }
  }
}
