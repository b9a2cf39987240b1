/**
 * The group coordinator's public shapes. The Kafka wire server maps JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups and
 * DeleteGroups 1:1 onto `GroupCoordinator` methods taking these; the in-process SPS client
 * calls the same methods. Field names follow Kafka's except `stream` (topic) and `index`
 * (offset), the SPS vocabulary.
 */
import { type GroupState, type SpsError } from '@shopstream/sps-core';
import { type Clock } from '../clock';
import { type Storage } from '../storage/storage';

/** What the coordinator needs to know about streams; the engine provides it. */
export interface CoordinatorLogView {
  /** Partitions of `stream`, or `undefined` when it does not exist. */
  partitionCount(stream: string): number | undefined;
  watermarks(
    stream: string,
    partition: number,
  ): { logStartIndex: number; highWatermark: number } | undefined;
  /** First index whose record timestamp is >= `timestamp`, `undefined` if none. */
  indexForTimestamp(
    stream: string,
    partition: number,
    timestamp: number,
  ): Promise<number | undefined>;
}

export interface GroupCoordinatorOptions {
  /** Directory of the committed-index store (created if missing). */
  dir: string;
  storage: Storage;
  clock: Clock;
  logView: CoordinatorLogView;
  /** Kafka `group.min.session.timeout.ms`. @default 6000 */
  minSessionTimeoutMs?: number;
  /** Kafka `group.max.session.timeout.ms`. @default 1800000 */
  maxSessionTimeoutMs?: number;
  /**
   * Kafka `group.initial.rebalance.delay.ms`: how long the first rebalance of an empty group
   * waits for more members. Kafka's 3000 suits clusters; a dev engine answers at once.
   * @default 0
   */
  initialRebalanceDelayMs?: number;
  /** Kafka `offsets.retention.minutes`: committed indexes of an Empty group expire after this. @default 604800000 (7 days) */
  offsetsRetentionMs?: number;
  /** Kafka `offsets.retention.check.interval.ms`. @default 600000 */
  offsetsRetentionCheckIntervalMs?: number;
  /** Rewrite the committed-index log as a snapshot once it grows past this. @default 4194304 */
  offsetLogCompactionBytes?: number;
}

/** One assignor a member supports, with its metadata (a ConsumerProtocol subscription for "consumer"). */
export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupRequest {
  groupId: string;
  /** `''` for a member joining for the first time. */
  memberId: string;
  groupInstanceId?: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  /** JoinGroup v0 has none: pass the session timeout (Kafka does). */
  rebalanceTimeoutMs: number;
  protocolType: string;
  /** In the member's order of preference. */
  protocols: GroupProtocol[];
  /** JoinGroup v4+: a new member first gets `SPS_ERR_MEMBER_ID_REQUIRED` with its id (KIP-394). */
  requireKnownMemberId: boolean;
}

export interface JoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinGroupResult {
  generationId: number;
  protocolType: string;
  protocolName: string;
  leaderId: string;
  memberId: string;
  /** Every member with its metadata for the chosen protocol — for the leader only; `[]` for followers. */
  members: JoinGroupMember[];
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
  /** SyncGroup v5+: checked against the group's when given. */
  protocolType?: string | null;
  protocolName?: string | null;
  /** The leader's assignment of every member; `[]` from followers. */
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupResult {
  protocolType: string;
  protocolName: string;
  assignment: Buffer;
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
}

export interface LeaveGroupRequest {
  groupId: string;
  /** LeaveGroup v3+ leaves a batch; a member may be named by `groupInstanceId` alone. */
  members: { memberId: string; groupInstanceId?: string | null }[];
}

export interface LeaveGroupMemberResult {
  memberId: string;
  error?: SpsError;
}

export interface OffsetCommitEntry {
  stream: string;
  partition: number;
  /** The next index to consume (Kafka's committed offset). */
  index: number;
  metadata: string | null;
  leaderEpoch?: number;
}

export interface OffsetCommitRequest {
  groupId: string;
  /** `-1` with member id `''`: a "simple" commit by a client that manages no group membership. */
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
  offsets: OffsetCommitEntry[];
}

export interface OffsetCommitResult {
  stream: string;
  partition: number;
  error?: SpsError;
}

export interface OffsetFetchRequest {
  groupId: string;
  /** `null`: every partition the group has committed. */
  partitions: { stream: string; partition: number }[] | null;
}

export interface OffsetFetchResult {
  stream: string;
  partition: number;
  /** `-1` when nothing is committed. */
  index: number;
  metadata: string;
  leaderEpoch: number;
  error?: SpsError;
}

export interface GroupMemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** Metadata for the chosen protocol; empty unless the group is Stable (as Kafka). */
  metadata: Buffer;
  /** Empty unless the group is Stable (as Kafka). */
  assignment: Buffer;
  /** The assignment decoded, when the protocol type is "consumer" and the bytes parse. */
  assignedPartitions?: { stream: string; partitions: number[] }[];
}

export interface GroupDescription {
  groupId: string;
  state: GroupState;
  protocolType: string;
  /** The chosen assignor; `''` unless the group is Stable (as Kafka). */
  protocol: string;
  members: GroupMemberDescription[];
}

export interface GroupListing {
  groupId: string;
  protocolType: string;
  state: GroupState;
}

export interface DeleteGroupResult {
  groupId: string;
  error?: SpsError;
}

export interface ResetOffsetResult {
  partition: number;
  index: number;
}

export interface PartitionLag {
  stream: string;
  partition: number;
  /** `-1` when nothing is committed. */
  committedIndex: number;
  highWatermark: number;
  /** `highWatermark - committedIndex`, `null` when nothing is committed. */
  lag: number | null;
}
