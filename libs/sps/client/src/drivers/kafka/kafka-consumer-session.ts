/**
 * One running kafkajs consumer, as the group consumer and the reader of the kafka driver both
 * use it: kafkajs `eachBatch` (auto-resolve and auto-commit off) translated into `DriverBatch`es,
 * kafkajs' group generations turned into assign / revoke calls, and offset resets reported.
 *
 * How kafkajs 2.2.4 runs a consumer, and what this file makes of it:
 *
 * - kafkajs fetches all assigned partitions of a broker in one request, hands the batches to
 *   `partitionsConsumedConcurrently` workers and fetches again only once every batch of the
 *   round is done. So one partition's batches never overlap and come in order; partitions run
 *   concurrently, but a slow partition holds back the next fetch of the others on its broker.
 * - A generation starts with kafkajs' GROUP_JOIN event (after SyncGroup), just before kafkajs
 *   starts fetching. The listener pauses every partition at once; they are resumed when the
 *   generation is positioned (`position` hook: seeks for `from` / the reader's indexes; the
 *   rest starts at the committed offset, else the earliest) and assigned (`assigned` hook).
 * - Revocation: kafkajs has no revoke callback; it rejoins in three ways.
 *   1. A heartbeat — kafkajs' own after a fetch or batch — answers REBALANCE_IN_PROGRESS (or
 *      ILLEGAL_GENERATION, NOT_COORDINATOR): kafkajs waits for every batch of the round, emits
 *      REBALANCING, then sends FindCoordinator and JoinGroup. The REBALANCING listener revokes
 *      synchronously: nothing is in flight then, so the runtime's commit (`revoked` hook) goes
 *      out within the same tick, on the coordinator connection, ahead of the JoinGroup, which
 *      waits for the FindCoordinator round trip. The commit carries the old generation and the
 *      coordinator accepts it while the group is PreparingRebalance.
 *   2. A heartbeat this driver sends while batches are in flight (its own timer, every
 *      `heartbeatIntervalMs`, and `DriverBatch.heartbeat`) learns of the rebalance first: the
 *      generation is marked stale (batches end after their record in flight, the signal
 *      aborts) and revoked, and every `eachBatch` call of the round waits for that revocation
 *      to finish before returning to kafkajs — so the rejoin happens only after `onRevoked`
 *      resolved, exactly as the driver contract asks.
 *   3. kafkajs rejoins without REBALANCING: it noticed new partitions itself (stale
 *      metadata), or the coordinator forgot the member (UNKNOWN_MEMBER_ID). The next GROUP_JOIN
 *      then finds the previous generation unrevoked and revokes it late: partitions kept in the
 *      new generation commit normally, commits for partitions that moved are refused (the
 *      group consumer checks against kafkajs' current assignment), so their uncommitted
 *      progress is redelivered to the new owner — duplicates, never a loss.
 * - Offset resets: see kafka-clients.ts; the next batch of the partition tells where kafkajs
 *   went (its log start, since every consumer here is subscribed `fromBeginning`). A request
 *   beyond the high watermark is moved to the high watermark instead, as the contract says.
 */
import {
  type DriverBatch,
  type DriverConsumerListener,
  type PartitionRef,
  type StreamName,
} from '@shopstream/sps-core';
import { type Batch, type Consumer, type EachBatchPayload, type IMemberAssignment } from 'kafkajs';
import { Deferred, sleep } from '../../support/async';
import { type KafkaClients, type OffsetResetNotice } from './kafka-clients';
import { isRejoinError, mapErrors, toSpsError } from './kafka-errors';
import { keyOf } from './kafka-positions';
import { toDriverRecord } from './kafka-records';

/** What the role (group consumer, reader) decides. */
export interface SessionHooks {
  /**
   * Where the partitions of a new generation start: the offset to seek to (none: kafkajs'
   * own position — committed, else earliest) and the offset the next fetch will read, if
   * known (for reporting resets). `previous` = where the last generation had got to.
   */
  position(
    partitions: PartitionRef[],
    previous: ReadonlyMap<string, number | undefined>,
  ): Promise<{
    seeks: Map<string, number>;
    expected: Map<string, number | undefined>;
  }>;
  assigned?(partitions: PartitionRef[]): void | Promise<void>;
  revoked?(partitions: PartitionRef[]): void | Promise<void>;
}

export interface SessionOptions {
  consumer: Consumer;
  clients: KafkaClients;
  groupId: string;
  streams: StreamName[];
  heartbeatIntervalMs: number;
  partitionsConsumedConcurrently: number;
  listener: Pick<DriverConsumerListener, 'onBatch' | 'onError' | 'onIndexReset'>;
  hooks: SessionHooks;
  /** After each batch: where the partition's next fetch starts (admin reads use it). */
  onPosition?: (ref: PartitionRef, next: number) => void;
}

/** One kafkajs generation (join + sync) of this member. */
class Generation {
  readonly keys: Set<string>;
  readonly abort = new AbortController();
  ready: Promise<boolean> = Promise.resolve(false);
  assigned = false;
  revoked: Promise<void> | undefined;
  readonly deliveries = new Set<Promise<void>>();
  heartbeat: (() => Promise<void>) | undefined;
  expected = new Map<string, number | undefined>();
  /** Partitions kafkajs reset after OFFSET_OUT_OF_RANGE → the offset it had asked for. */
  readonly resets = new Map<string, number | undefined>();

  constructor(
    readonly memberId: string,
    readonly partitions: PartitionRef[],
  ) {
    this.keys = new Set(partitions.map(keyOf));
  }

  get stale(): boolean {
    return this.abort.signal.aborted;
  }
}

export class KafkaConsumerSession {
  private current: Generation | undefined;
  private readonly revoking = new Set<Generation>();
  private readonly firstReady = new Deferred<void>();
  private stopping: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly o: SessionOptions) {
    this.firstReady.promise.catch(() => undefined); // `start` awaits it after kafkajs' run
  }

  /** Joins and resolves once the first generation is positioned and assigned. */
  async start(): Promise<void> {
    const { consumer, groupId } = this.o;
    const { GROUP_JOIN, REBALANCING, CRASH } = consumer.events;
    this.cleanups.push(
      consumer.on(GROUP_JOIN, (e) => this.joined(e.payload.memberId, e.payload.memberAssignment)),
      consumer.on(REBALANCING, (e) => {
        if (this.current && e.payload.memberId === this.current.memberId) {
          void this.revoke(this.current);
        }
      }),
      consumer.on(CRASH, (e) => this.crashed(e.payload.error, e.payload.restart)),
      this.o.clients.onOffsetReset((n) => this.offsetReset(n)),
    );
    this.timer = setInterval(() => this.keepAlive(), this.o.heartbeatIntervalMs);
    this.timer.unref();
    try {
      await mapErrors(
        async () => {
          await consumer.connect();
          await consumer.subscribe({ topics: this.o.streams, fromBeginning: true });
          await consumer.run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            partitionsConsumedConcurrently: this.o.partitionsConsumedConcurrently,
            eachBatch: (payload) => this.eachBatch(payload),
          });
        },
        { group: groupId },
      );
      await this.firstReady.promise;
    } catch (error) {
      await this.stop(); // never joined: close what was opened
      throw error;
    }
  }

  /** Restart after a crash only once running (kafkajs asks before it emits CRASH). */
  shouldRestart(): boolean {
    return this.firstReady.settled && !this.stopping;
  }

  /** Partitions of the current generation, and of earlier ones until their revocation resolved. */
  assignment(): PartitionRef[] {
    const out = new Map<string, PartitionRef>();
    for (const g of this.revoking)
      if (g.assigned) for (const p of g.partitions) out.set(keyOf(p), p);
    if (this.current && !this.current.revoked) {
      for (const p of this.current.partitions) out.set(keyOf(p), p);
    }
    return [...out.values()];
  }

  /** Whether kafkajs' current generation has `ref` (commits are made in that generation). */
  ownsNow(ref: PartitionRef): boolean {
    return this.current?.keys.has(keyOf(ref)) ?? false;
  }

  /** Stops fetching, revokes everything (the runtime commits), then leaves. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.firstReady.resolve(); // a start still joining resolves with nothing assigned
      this.pause();
      if (this.current) await this.revoke(this.current);
      await Promise.allSettled([...this.revoking].flatMap((g) => g.revoked ?? []));
      clearInterval(this.timer);
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      await this.o.consumer.disconnect().catch((error: unknown) => this.reportError(error));
    })();
    return this.stopping;
  }

  private joined(memberId: string, assignment: IMemberAssignment): void {
    const partitions = Object.entries(assignment).flatMap(([stream, ps]) =>
      (ps ?? []).map((partition) => ({ stream, partition })),
    );
    const previous = this.current;
    const generation = new Generation(memberId, partitions);
    this.current = generation;
    // kafkajs starts fetching right after this event: hold every partition until positioned,
    // so the first fetch is at the sought offset and a reset finds `expected` known.
    this.pause();
    if (previous && !previous.revoked) void this.revoke(previous); // kafkajs rejoined on its own
    generation.ready = this.prepare(generation, previous);
  }

  /** Positions and assigns a new generation once the previous one is revoked. */
  private async prepare(
    generation: Generation,
    previous: Generation | undefined,
  ): Promise<boolean> {
    await previous?.revoked;
    for (let failures = 0; !generation.stale && !this.stopping; failures++) {
      try {
        const { seeks, expected } = await this.o.hooks.position(
          generation.partitions,
          previous?.expected ?? new Map(),
        );
        if (generation.stale || this.stopping) return false;
        for (const ref of generation.partitions) {
          const offset = seeks.get(keyOf(ref));
          if (offset !== undefined) {
            this.o.consumer.seek({
              topic: ref.stream,
              partition: ref.partition,
              offset: String(offset),
            });
          }
        }
        generation.expected = expected;
        await this.o.hooks.assigned?.(generation.partitions);
        generation.assigned = true;
        if (generation === this.current && !this.stopping) this.resume(generation.partitions);
        this.firstReady.resolve();
        return true;
      } catch (error) {
        this.reportError(error);
        await sleep(Math.min(100 * 2 ** failures, 5_000), generation.abort.signal);
      }
    }
    return false;
  }

  /**
   * Marks the generation stale, waits for its deliveries, then lets the role commit
   * (`revoked`). Synchronous up to the first await, so the REBALANCING listener's commit
   * leaves before kafkajs' JoinGroup (see the file comment).
   */
  private revoke(generation: Generation): Promise<void> {
    if (generation.revoked) return generation.revoked;
    generation.abort.abort();
    this.revoking.add(generation);
    generation.revoked = (async () => {
      try {
        await generation.ready;
        await Promise.allSettled([...generation.deliveries]);
        if (generation.assigned && generation.partitions.length > 0) {
          await this.o.hooks.revoked?.(generation.partitions);
        }
      } catch (error) {
        this.reportError(error);
      } finally {
        this.revoking.delete(generation);
      }
    })();
    return generation.revoked;
  }

  /** Stops fetching every partition of the subscribed streams. */
  private pause(): void {
    try {
      this.o.consumer.pause(this.o.streams.map((topic) => ({ topic })));
    } catch {
      // not running (kafkajs throws before its first run): nothing is fetched anyway
    }
  }

  private resume(partitions: PartitionRef[]): void {
    const byStream = new Map<StreamName, number[]>();
    for (const p of partitions)
      byStream.set(p.stream, [...(byStream.get(p.stream) ?? []), p.partition]);
    try {
      this.o.consumer.resume([...byStream].map(([topic, ps]) => ({ topic, partitions: ps })));
    } catch {
      // kafkajs stopped meanwhile (crash): its next run joins and positions afresh
    }
  }

  private crashed(error: Error, restart: boolean): void {
    const mapped = toSpsError(error, { group: this.o.groupId, restarting: restart });
    if (!this.firstReady.settled) {
      this.firstReady.reject(mapped); // kafkajs was told not to restart (shouldRestart)
      return;
    }
    // kafkajs left the group; when it restarts, its next GROUP_JOIN assigns afresh.
    this.o.listener.onError?.(mapped);
    if (this.current) void this.revoke(this.current);
  }

  private offsetReset(notice: OffsetResetNotice): void {
    const g = this.current;
    if (notice.groupId !== this.o.groupId || !g || notice.memberId !== g.memberId) return;
    const key = keyOf({ stream: notice.topic, partition: notice.partition });
    g.resets.set(key, g.expected.get(key));
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const generation = this.current;
    if (!generation) return;
    generation.heartbeat = () => payload.heartbeat();
    const delivery = this.deliver(generation, payload);
    generation.deliveries.add(delivery);
    try {
      await delivery;
    } finally {
      generation.deliveries.delete(delivery);
    }
    // Revoked while in flight (this driver's heartbeat saw the rebalance, or stop): kafkajs
    // rejoins or leaves when this round returns, so hold it until `onRevoked` resolved.
    if (generation.revoked) await generation.revoked;
  }

  private async deliver(generation: Generation, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const isStale = () => payload.isStale();
    const ref = { stream: batch.topic, partition: batch.partition };
    const key = keyOf(ref);
    if (!(await generation.ready) || generation.stale || isStale() || !generation.keys.has(key)) {
      return; // not positioned, revoked, or fetched before a seek: kafkajs fetches it again
    }
    if (generation.resets.has(key) && this.reportReset(generation, batch, key)) return;
    const records = batch.messages.map((m) => toDriverRecord(batch.topic, batch.partition, m));
    const driverBatch: DriverBatch = {
      ...ref,
      records,
      highWatermark: Number(batch.highWatermark),
      heartbeat: () => this.heartbeat(generation),
      isStale: () => generation.stale || isStale(),
      signal: generation.abort.signal,
    };
    await this.o.listener.onBatch(driverBatch);
    if (generation.stale || isStale()) return; // the rest is the next owner's (or a seek's)
    const last = batch.lastOffset();
    payload.resolveOffset(last);
    generation.expected.set(key, Number(last) + 1);
    this.o.onPosition?.(ref, Number(last) + 1);
  }

  /**
   * Reports kafkajs' reset of `key`; true when the batch must not be delivered (the request
   * was beyond the high watermark: seek there instead of kafkajs' log start).
   */
  private reportReset(generation: Generation, batch: Batch, key: string): boolean {
    const requested = generation.resets.get(key);
    generation.resets.delete(key);
    const stream = batch.topic;
    const { partition } = batch;
    // kafkajs' Batch keeps the offset it fetched at (`fetchedOffset`), not in its typings.
    const fetched = Number(
      (batch as Batch & { fetchedOffset?: string }).fetchedOffset ?? batch.firstOffset(),
    );
    const highWatermark = Number(batch.highWatermark);
    if (requested === undefined) return false; // where it was is unknown: nothing to say
    if (requested > highWatermark) {
      this.o.consumer.seek({ topic: stream, partition, offset: String(highWatermark) });
      generation.expected.set(key, highWatermark);
      this.o.listener.onIndexReset?.({ stream, partition, requested, restartedAt: highWatermark });
      return true;
    }
    this.o.listener.onIndexReset?.({ stream, partition, requested, restartedAt: fetched });
    return false;
  }

  /** A heartbeat for `generation` (kafkajs', through the latest batch payload). */
  private async heartbeat(generation: Generation): Promise<void> {
    if (generation !== this.current || !generation.heartbeat) return;
    try {
      await generation.heartbeat();
    } catch (error) {
      if (isRejoinError(error)) void this.revoke(generation);
      throw toSpsError(error, { group: this.o.groupId });
    }
  }

  /**
   * The heartbeat timer: kafkajs heartbeats only between batches, so while batches are in
   * flight (stale ones too: a revoke waits for their record in flight) this keeps the session.
   */
  private keepAlive(): void {
    const g = this.current;
    if (g && g.deliveries.size > 0) void this.heartbeat(g).catch(() => undefined);
  }

  private reportError(error: unknown): void {
    this.o.listener.onError?.(toSpsError(error, { group: this.o.groupId }));
  }
}
