/**
 * A consumer-group member on the in-process engine. One loop owns the membership:
 *
 *   join + sync → open the generation (committed index per partition, else `from`; one fetch
 *   loop per partition) → wait for a reason to leave it → close it (mark batches stale, abort
 *   fetches, wait for in-flight batches, `onRevoked` commits) → rejoin, or leave on stop.
 *
 * Reasons to rejoin come from the heartbeat task, which runs on its own timer so the session
 * stays alive while in-flight records finish during a revoke (the coordinator restarts the
 * session timer on every heartbeat, REBALANCE_IN_PROGRESS answers included):
 * REBALANCE_IN_PROGRESS and ILLEGAL_GENERATION → rejoin; UNKNOWN_MEMBER → rejoin with a new
 * id; the leader also rejoins when a subscribed stream's partition count changed, so new
 * partitions get assigned (the coordinator rebalances when the leader of a Stable group rejoins).
 */
import {
  type DriverConsumerListener,
  type DriverGroupConsumer,
  type DriverGroupConsumerOptions,
  type DriverRecord,
  hasSpsCode,
  type PartitionRef,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { aborted, Deferred, sleep } from '../../support/async';
import { startIndex, toEngineIndex } from './engine-index';
import { type Generation, GroupMembership } from './group-membership';
import { runFetchLoop } from './partition-fetcher';

type LeaveReason = 'rejoin' | 'unknown-member' | 'stopped';

/** The partitions of one generation and their fetch loops. */
interface OpenGeneration {
  partitions: PartitionRef[];
  partitionCounts: Map<StreamName, number>;
  abort: AbortController;
  stale: boolean;
  loops: Promise<void>[];
  /** Settles with the first reason to leave this generation. */
  leave: Deferred<LeaveReason>;
}

export class EmbeddedGroupConsumer implements DriverGroupConsumer {
  private readonly membership: GroupMembership;
  private readonly stopping = new AbortController();
  private listener: DriverConsumerListener | undefined;
  private current: OpenGeneration | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly o: DriverGroupConsumerOptions,
  ) {
    this.membership = new GroupMembership(engine, o);
  }

  async start(listener: DriverConsumerListener): Promise<void> {
    if (this.listener) throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'already started');
    this.listener = listener;
    const ready = new Deferred<void>();
    this.loop = this.run(ready);
    void this.heartbeats();
    await ready.promise;
  }

  async commit(done: DriverRecord[]): Promise<void> {
    await this.membership.commit(
      done.map((r) => ({
        stream: r.stream,
        partition: r.partition,
        index: toEngineIndex(r.index) + 1, // Kafka's committed offset: the next one to read
        metadata: null,
      })),
    );
  }

  assignment(): PartitionRef[] {
    return this.current?.partitions ?? [];
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.current?.leave.resolve('stopped');
    await this.loop;
  }

  private async run(ready: Deferred<void>): Promise<void> {
    const stop = this.stopping.signal;
    for (let failures = 0; !stop.aborted;) {
      try {
        const joining = this.membership.joinAndSync();
        joining.catch(() => undefined); // a join still parked when we stop may fail later
        const joined = await Promise.race([joining, aborted(stop)]);
        if (!joined) break;
        const reason = await this.runGeneration(joined, ready);
        if (reason === 'unknown-member') this.membership.forget();
        failures = 0;
      } catch (error) {
        await this.closeGeneration();
        if (stop.aborted) break;
        if (hasSpsCode(error, 'SPS_ERR_ENGINE_CLOSED') || (!ready.settled && !rejoinable(error))) {
          // Nothing a rejoin fixes (a closed engine, a session timeout out of range, …).
          this.stopping.abort();
          if (ready.settled) this.listener?.onError?.(error);
          else ready.reject(error);
          return;
        }
        if (hasSpsCode(error, 'SPS_ERR_UNKNOWN_MEMBER')) this.membership.forget();
        // A rebalance answer means "join again" — at once, as Kafka clients do (the join parks
        // at the coordinator, so this cannot spin). Anything else is reported and backed off.
        if (rejoinable(error)) continue;
        this.listener?.onError?.(error);
        await sleep(Math.min(50 * 2 ** failures++, 2_000), stop);
      }
    }
    ready.resolve(); // stopped before the first assignment
    await this.closeGeneration();
    await this.membership.leave().catch((error: unknown) => this.listener?.onError?.(error));
  }

  /** Runs one generation until a reason to leave it; closes it before returning. */
  private async runGeneration(joined: Generation, ready: Deferred<void>): Promise<LeaveReason> {
    const generation: OpenGeneration = {
      partitions: joined.partitions,
      partitionCounts: joined.partitionCounts,
      abort: new AbortController(),
      stale: false,
      loops: [],
      leave: new Deferred(),
    };
    this.current = generation;
    if (this.stopping.signal.aborted) generation.leave.resolve('stopped');
    await this.listener!.onAssigned?.(joined.partitions);
    await this.startFetching(generation);
    ready.resolve();
    const reason = await generation.leave.promise;
    await this.closeGeneration();
    return reason;
  }

  private async startFetching(generation: OpenGeneration): Promise<void> {
    if (generation.partitions.length === 0) return;
    const committed = await this.engine.coordinator.fetchOffsets({
      groupId: this.o.group,
      partitions: generation.partitions,
    });
    for (const { stream, partition, index } of committed) {
      const first =
        index >= 0 ? index : await startIndex(this.engine, stream, partition, this.o.from);
      const loop = runFetchLoop({
        engine: this.engine,
        stream,
        partition,
        index: first,
        maxWaitMs: this.o.maxWaitMs,
        signal: generation.abort.signal,
        isStale: () => generation.stale,
        listener: this.listener!,
      }).catch((error: unknown) => this.listener?.onError?.(error));
      generation.loops.push(loop);
    }
  }

  /** Revoke: stale first, then wait for in-flight batches, then let the runtime commit. */
  private async closeGeneration(): Promise<void> {
    const generation = this.current;
    if (!generation || generation.stale) return;
    generation.stale = true;
    generation.abort.abort();
    generation.leave.resolve('stopped');
    await Promise.all(generation.loops);
    try {
      if (generation.partitions.length > 0) {
        await this.listener!.onRevoked?.(generation.partitions);
      }
    } finally {
      if (this.current === generation) this.current = undefined;
    }
  }

  /** The heartbeat timer: keeps the session alive and finds out when to rejoin. */
  private async heartbeats(): Promise<void> {
    const stop = this.stopping.signal;
    while (!stop.aborted) {
      await sleep(this.o.heartbeatIntervalMs, stop);
      const generation = this.current;
      // No generation: joining (parked requests keep the session) or between generations.
      if (stop.aborted || !generation || this.membership.memberId === '') continue;
      try {
        await this.membership.heartbeat();
        if (this.membership.isLeader && this.partitionsChanged(generation)) {
          generation.leave.resolve('rejoin');
        }
      } catch (error) {
        if (hasSpsCode(error, 'SPS_ERR_UNKNOWN_MEMBER')) generation.leave.resolve('unknown-member');
        // A closed engine too: the next join finds out and ends the loop.
        else if (rejoinable(error) || hasSpsCode(error, 'SPS_ERR_ENGINE_CLOSED')) {
          generation.leave.resolve('rejoin');
        } else this.listener?.onError?.(error);
      }
    }
  }

  private partitionsChanged(generation: OpenGeneration): boolean {
    return this.o.streams.some(
      (s) => this.membership.partitionCount(s) !== (generation.partitionCounts.get(s) ?? 0),
    );
  }
}

/** Errors that a new join + sync answers. */
function rejoinable(error: unknown): boolean {
  return (
    hasSpsCode(error, 'SPS_ERR_REBALANCE_IN_PROGRESS') ||
    hasSpsCode(error, 'SPS_ERR_ILLEGAL_GENERATION') ||
    hasSpsCode(error, 'SPS_ERR_UNKNOWN_MEMBER') ||
    hasSpsCode(error, 'SPS_ERR_MEMBER_ID_REQUIRED')
  );
}
