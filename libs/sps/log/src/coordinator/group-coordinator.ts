/**
 * The consumer-group coordinator of the SPS engine: Kafka's classic group protocol
 * (KAFKA-WIRE.md §4.6) and the committed indexes of every group. The wire server maps
 * JoinGroup … DeleteGroups 1:1 onto these methods; the in-process client calls them directly.
 *
 * Concurrency: each group changes only inside its own queue (group-registry.ts); a parked
 * JoinGroup/SyncGroup leaves the queue at once and is answered later. Committed indexes are
 * owned by the OffsetStore, which acknowledges a commit only after its (shared) sync.
 * Membership is not persisted — members rejoin after a restart — committed indexes are.
 */
import { randomUUID } from 'node:crypto';
import { SpsError, type StartFrom } from '@shopstream/sps-core';
import { ConsumerGroup, type GroupContext } from './consumer-group';
import {
  type DeleteGroupResult,
  type GroupCoordinatorOptions,
  type GroupDescription,
  type GroupListing,
  type HeartbeatRequest,
  type JoinGroupRequest,
  type JoinGroupResult,
  type LeaveGroupMemberResult,
  type LeaveGroupRequest,
  type OffsetCommitRequest,
  type OffsetCommitResult,
  type OffsetFetchRequest,
  type OffsetFetchResult,
  type PartitionLag,
  type ResetOffsetResult,
  type SyncGroupRequest,
  type SyncGroupResult,
} from './coordinator-types';
import { coordinatorClosed, unknownMember } from './group-errors';
import { GroupRegistry } from './group-registry';
import { handleHeartbeat } from './heartbeat.handler';
import { handleJoin } from './join-group.handler';
import { handleLeave } from './leave-group.handler';
import { MAX_ID_BYTES } from './offset-entry-codec';
import { OffsetRetention } from './offset-retention';
import { OffsetService } from './offset-service';
import { OffsetStore } from './offset-store';
import { handleSync } from './sync-group.handler';

export type * from './coordinator-types';

type ResolvedOptions = Required<GroupCoordinatorOptions>;

const DEFAULTS = {
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 0,
  offsetsRetentionMs: 7 * 24 * 60 * 60 * 1000,
  offsetsRetentionCheckIntervalMs: 600_000,
  offsetLogCompactionBytes: 4 * 1024 * 1024,
} as const;

/**
 * Kafka's group coordinator for the SPS engine. Errors are SpsErrors with catalog codes (the
 * wire layer maps them to Kafka's); per-partition and per-member failures come back in the
 * results, request-level ones are thrown.
 *
 * @example
 * const coordinator = await GroupCoordinator.open({ dir: `${dataDir}/coordinator`, storage, clock: systemClock, logView });
 * const joined = await coordinator.joinGroup({ groupId: 'mailer', memberId: '', ... });
 */
export class GroupCoordinator {
  private closed = false;
  private readonly registry: GroupRegistry;
  private readonly retention: OffsetRetention;
  private readonly service: OffsetService;

  private constructor(
    private readonly o: ResolvedOptions,
    private readonly offsets: OffsetStore,
  ) {
    const ctx: GroupContext = {
      clock: o.clock,
      initialRebalanceDelayMs: o.initialRebalanceDelayMs,
      isOpen: () => !this.closed,
    };
    this.registry = new GroupRegistry(
      (id) => new ConsumerGroup(id, ctx),
      () => this.assertOpen(),
    );
    // Groups with committed indexes exist (Empty) from the start, as on Kafka after a load.
    for (const id of offsets.groupIds()) this.registry.add(new ConsumerGroup(id, ctx));
    this.retention = new OffsetRetention(o, offsets, this.registry, ctx);
    this.service = new OffsetService(o, offsets, this.registry);
  }

  /** Opens the coordinator, loading the durable committed indexes. */
  static async open(options: GroupCoordinatorOptions): Promise<GroupCoordinator> {
    const o: ResolvedOptions = { ...DEFAULTS, ...stripUndefined(options) };
    if (!(o.minSessionTimeoutMs > 0 && o.minSessionTimeoutMs <= o.maxSessionTimeoutMs)) {
      throw new SpsError(
        'SPS_ERR_INVALID_ARGUMENT',
        'session timeout bounds must satisfy 0 < min <= max',
        {
          context: {
            minSessionTimeoutMs: o.minSessionTimeoutMs,
            maxSessionTimeoutMs: o.maxSessionTimeoutMs,
          },
        },
      );
    }
    const offsets = await OffsetStore.open(o.storage, o.dir, o.offsetLogCompactionBytes);
    const coordinator = new GroupCoordinator(o, offsets);
    coordinator.retention.start();
    return coordinator;
  }

  /** JoinGroup. Parks until the rebalance completes; see join-group.handler.ts. */
  async joinGroup(r: JoinGroupRequest): Promise<JoinGroupResult> {
    this.checkGroupId(r.groupId, true);
    const { minSessionTimeoutMs: min, maxSessionTimeoutMs: max } = this.o;
    if (!(r.sessionTimeoutMs >= min && r.sessionTimeoutMs <= max)) {
      throw new SpsError(
        'SPS_ERR_INVALID_SESSION_TIMEOUT',
        `session timeout ${r.sessionTimeoutMs} ms is outside ${min}..${max} ms`,
        { context: { groupId: r.groupId, sessionTimeoutMs: r.sessionTimeoutMs, min, max } },
      );
    }
    // Only a newcomer creates a group; a known member id on an unknown group must rejoin afresh.
    const { reply } = await this.registry.withGroup(
      r.groupId,
      r.memberId === '',
      (g) => handleJoin(g, r, () => `${r.clientId}-${randomUUID()}`),
      () => {
        throw unknownMember(r.groupId, r.memberId);
      },
    );
    return reply;
  }

  /** SyncGroup. A follower parks until the leader's assignments arrive; see sync-group.handler.ts. */
  async syncGroup(r: SyncGroupRequest): Promise<SyncGroupResult> {
    this.checkGroupId(r.groupId, true);
    const { reply } = await this.registry.withGroup(
      r.groupId,
      false,
      (g) => handleSync(g, r),
      () => {
        throw unknownMember(r.groupId, r.memberId);
      },
    );
    return reply;
  }

  /** Heartbeat: resolves when the member is in good standing, throws what it must do otherwise. */
  async heartbeat(r: HeartbeatRequest): Promise<void> {
    this.checkGroupId(r.groupId, true);
    await this.registry.withGroup(
      r.groupId,
      false,
      (g) => handleHeartbeat(g, r),
      () => {
        throw unknownMember(r.groupId, r.memberId);
      },
    );
  }

  /** LeaveGroup: one result per member named, in order. */
  async leaveGroup(r: LeaveGroupRequest): Promise<LeaveGroupMemberResult[]> {
    this.checkGroupId(r.groupId, true);
    return await this.registry.withGroup(
      r.groupId,
      false,
      (g) => handleLeave(g, r.members),
      () =>
        r.members.map((m) => ({
          memberId: m.memberId,
          error: unknownMember(r.groupId, m.memberId),
        })),
    );
  }

  /**
   * OffsetCommit: one result per partition, in order; acknowledged only once durable. Group
   * errors (unknown member, stale generation, rebalance) apply to every partition.
   */
  async commitOffsets(r: OffsetCommitRequest): Promise<OffsetCommitResult[]> {
    this.checkGroupId(r.groupId, false);
    return await this.service.commit(r);
  }

  /**
   * OffsetFetch: `-1` where nothing is committed (also for an unknown group, as Kafka). It
   * queues behind the group's pending work, so it never sees half of a reset.
   */
  async fetchOffsets(r: OffsetFetchRequest): Promise<OffsetFetchResult[]> {
    this.checkGroupId(r.groupId, false);
    return await this.service.fetch(r);
  }

  /** DescribeGroups: an unknown group is described as Dead with no members (as Kafka). */
  async describeGroups(groupIds: string[]): Promise<GroupDescription[]> {
    this.assertOpen();
    return await Promise.all(
      groupIds.map((id) =>
        this.registry.withGroup(
          id,
          false,
          (g) => g.describe(),
          () => ({
            groupId: id,
            state: 'Dead' as const,
            protocolType: '',
            protocol: '',
            members: [],
          }),
        ),
      ),
    );
  }

  /** ListGroups: every live group, including Empty ones that only hold committed indexes. */
  async listGroups(): Promise<GroupListing[]> {
    this.assertOpen();
    const listed = await Promise.all(
      this.registry
        .all()
        .map((g) =>
          g.queue.run(() =>
            g.state === 'Dead'
              ? []
              : [{ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state }],
          ),
        ),
    );
    return listed
      .flat()
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  }

  /** DeleteGroups: only Empty groups (else GROUP_NOT_EMPTY); unknown → UNKNOWN_GROUP. */
  async deleteGroups(groupIds: string[]): Promise<DeleteGroupResult[]> {
    this.assertOpen();
    return await Promise.all(groupIds.map((groupId) => this.service.deleteGroup(groupId)));
  }

  /**
   * Moves a group's committed indexes on `stream` (all partitions, or those named) to
   * `to`. Refused with SPS_ERR_GROUP_NOT_EMPTY while the group has members, as Kafka's tools.
   *
   * @example
   * await coordinator.resetOffsets('mailer', 'orders', { kind: 'time', timestamp: Date.parse('2024-05-01') });
   */
  async resetOffsets(
    groupId: string,
    stream: string,
    to: StartFrom,
    partitions?: number[],
  ): Promise<ResetOffsetResult[]> {
    this.checkGroupId(groupId, false);
    return await this.service.reset(groupId, stream, to, partitions);
  }

  /** Lag per partition of the streams the group committed on or subscribes to. */
  async lag(groupId: string): Promise<PartitionLag[]> {
    this.checkGroupId(groupId, false);
    return await this.service.lag(groupId);
  }

  /** Forgets every group's committed indexes on a deleted stream. */
  async deleteStreamOffsets(stream: string): Promise<void> {
    this.assertOpen();
    await this.service.deleteStream(stream);
  }

  /** Fails parked requests with SPS_ERR_ENGINE_CLOSED, waits for queued commits, closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.retention.stop();
    const error = coordinatorClosed();
    await Promise.all(this.registry.all().map((g) => g.queue.run(() => g.shutdown(error))));
    await this.offsets.close();
  }

  private assertOpen(): void {
    if (this.closed) throw coordinatorClosed();
  }

  /** Kafka: membership APIs need a non-empty group id; offsets and admin APIs accept ''. */
  private checkGroupId(groupId: string, membership: boolean): void {
    this.assertOpen();
    if ((membership && groupId === '') || Buffer.byteLength(groupId, 'utf8') > MAX_ID_BYTES) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `invalid group id "${groupId.slice(0, 64)}"`, {
        context: { groupId: groupId.slice(0, 64) },
      });
    }
  }
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
