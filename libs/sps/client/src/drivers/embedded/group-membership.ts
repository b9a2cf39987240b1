/**
 * One member's side of Kafka's classic group protocol, spoken to `engine.coordinator`
 * directly (no wire): JoinGroup (answering MEMBER_ID_REQUIRED by joining again with the id
 * it carries, KIP-394), the leader's round-robin assignment, SyncGroup, Heartbeat, commits
 * and LeaveGroup. It keeps the member id and generation; the group consumer decides when to
 * call what.
 */
import {
  decodeAssignment,
  encodeSubscription,
  hasSpsCode,
  type PartitionRef,
  type StreamName,
} from '@shopstream/sps-core';
import { type Engine, type OffsetCommitEntry } from '@shopstream/sps-log';
import { assignRoundRobin, ROUND_ROBIN_PROTOCOL } from './round-robin-assigner';

export interface MembershipOptions {
  group: string;
  streams: StreamName[];
  clientId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
}

/** What a completed join + sync gives this member. */
export interface Generation {
  generationId: number;
  partitions: PartitionRef[];
  /** Partition counts the leader assigned from (empty for followers). */
  partitionCounts: Map<StreamName, number>;
}

export class GroupMembership {
  memberId = '';
  generationId = -1;
  isLeader = false;

  constructor(
    private readonly engine: Engine,
    private readonly o: MembershipOptions,
  ) {}

  /** Partitions of `stream` now, 0 when it does not exist (yet). */
  partitionCount(stream: StreamName): number {
    try {
      return this.engine.describeStream(stream).partitions;
    } catch (error) {
      if (hasSpsCode(error, 'SPS_ERR_UNKNOWN_STREAM')) return 0;
      throw error;
    }
  }

  /** JoinGroup then SyncGroup; throws what the coordinator answers (the caller rejoins). */
  async joinAndSync(): Promise<Generation> {
    const joined = await this.join();
    this.isLeader = joined.leaderId === this.memberId;
    const partitionCounts = new Map<StreamName, number>();
    const count = (stream: StreamName): number => {
      if (!partitionCounts.has(stream)) partitionCounts.set(stream, this.partitionCount(stream));
      return partitionCounts.get(stream)!;
    };
    const synced = await this.engine.coordinator.syncGroup({
      groupId: this.o.group,
      generationId: this.generationId,
      memberId: this.memberId,
      protocolType: 'consumer',
      protocolName: ROUND_ROBIN_PROTOCOL,
      assignments: this.isLeader ? assignRoundRobin(joined.members, count) : [],
    });
    const partitions = decodeAssignment(synced.assignment).assignment.flatMap(
      ({ topic, partitions: ps }) => ps.map((partition) => ({ stream: topic, partition })),
    );
    return { generationId: this.generationId, partitions, partitionCounts };
  }

  heartbeat(): Promise<void> {
    return this.engine.coordinator.heartbeat({
      groupId: this.o.group,
      generationId: this.generationId,
      memberId: this.memberId,
    });
  }

  /** Commits `entries` at the current generation; throws the first partition's error. */
  async commit(entries: OffsetCommitEntry[]): Promise<void> {
    const results = await this.engine.coordinator.commitOffsets({
      groupId: this.o.group,
      generationId: this.generationId,
      memberId: this.memberId,
      offsets: entries,
    });
    const failed = results.find((r) => r.error);
    if (failed?.error) throw failed.error;
  }

  /** Leaves the group (its partitions go to the others at once, no session timeout). */
  async leave(): Promise<void> {
    if (this.memberId === '') return;
    const memberId = this.memberId;
    this.forget();
    await this.engine.coordinator.leaveGroup({ groupId: this.o.group, members: [{ memberId }] });
  }

  /** The coordinator no longer knows this member: the next join starts afresh. */
  forget(): void {
    this.memberId = '';
    this.generationId = -1;
    this.isLeader = false;
  }

  private async join() {
    const metadata = encodeSubscription({ topics: this.o.streams });
    for (let attempt = 0; ; attempt++) {
      try {
        const joined = await this.engine.coordinator.joinGroup({
          groupId: this.o.group,
          memberId: this.memberId,
          groupInstanceId: null,
          clientId: this.o.clientId,
          clientHost: '/127.0.0.1',
          sessionTimeoutMs: this.o.sessionTimeoutMs,
          rebalanceTimeoutMs: this.o.rebalanceTimeoutMs,
          protocolType: 'consumer',
          protocols: [{ name: ROUND_ROBIN_PROTOCOL, metadata }],
          requireKnownMemberId: true,
        });
        this.generationId = joined.generationId;
        return joined;
      } catch (error) {
        if (attempt < 2 && hasSpsCode(error, 'SPS_ERR_MEMBER_ID_REQUIRED')) {
          this.memberId = String(error.context.memberId);
          continue;
        }
        if (attempt < 2 && hasSpsCode(error, 'SPS_ERR_UNKNOWN_MEMBER')) {
          this.forget();
          continue;
        }
        throw error;
      }
    }
  }
}
