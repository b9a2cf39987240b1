/**
 * OffsetCommit (Kafka API key 8; v0–7): who may commit, checked inside the group's queue.
 * The per-partition checks and the durable write are the coordinator's.
 *
 * Kafka's rules (classic `GroupCoordinator.doCommitOffsets`):
 * - generation < 0 while the group has no members: a "simple" commit by a client that does
 *   its own assignment (kafkajs admin, librdkafka `assign()`): allowed.
 * - generation < 0 on a group with members: UNKNOWN_MEMBER.
 * - otherwise the member must be known (UNKNOWN_MEMBER) and its generation current
 *   (ILLEGAL_GENERATION); while CompletingRebalance the answer is REBALANCE_IN_PROGRESS.
 *   Commits during PreparingRebalance are allowed: members commit before rejoining.
 * A member's commit also counts as a heartbeat. Each partition must exist (else
 * UNKNOWN_STREAM / UNKNOWN_PARTITION for that partition only, as Kafka's
 * UNKNOWN_TOPIC_OR_PARTITION); the index is any non-negative integer (Kafka does not check it
 * against the log either).
 */
import { SpsError } from '@shopstream/sps-core';
import { type ConsumerGroup } from './consumer-group';
import {
  type CoordinatorLogView,
  type OffsetCommitEntry,
  type OffsetCommitRequest,
} from './coordinator-types';
import { illegalGeneration, rebalanceInProgress, unknownMember } from './group-errors';
import { touchSession } from './group-rebalance';
import { type OffsetOp } from './offset-table';

export function checkCommit(g: ConsumerGroup, r: OffsetCommitRequest): void {
  if (r.generationId < 0) {
    if (g.members.size === 0) return;
    if (r.memberId === '')
      throw unknownMember(g.groupId, '', 'is empty, but the group has members');
  }
  const m = g.members.get(r.memberId);
  if (!m) throw unknownMember(g.groupId, r.memberId);
  if (r.generationId !== g.generationId) {
    throw illegalGeneration(g.groupId, r.memberId, r.generationId, g.generationId);
  }
  if (g.state === 'CompletingRebalance') throw rebalanceInProgress(g.groupId, r.memberId);
  touchSession(g, m);
}

/** Why one partition of a commit cannot be stored, or `undefined` when it can. */
export function commitProblem(
  view: CoordinatorLogView,
  o: OffsetCommitEntry,
): SpsError | undefined {
  const { stream, partition, index } = o;
  const count = view.partitionCount(stream);
  if (count === undefined) {
    return new SpsError('SPS_ERR_UNKNOWN_STREAM', `stream "${stream}" does not exist`, {
      context: { stream },
    });
  }
  if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
    return new SpsError(
      'SPS_ERR_UNKNOWN_PARTITION',
      `stream "${stream}" has no partition ${partition}`,
      {
        context: { stream, partition, partitions: count },
      },
    );
  }
  if (!Number.isSafeInteger(index) || index < 0) {
    return new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `index ${index} is not a non-negative integer`,
      {
        context: { stream, partition, index },
      },
    );
  }
  return undefined;
}

/** The store operations for the partitions of `r` that have no problem. */
export function commitOps(
  r: OffsetCommitRequest,
  problems: readonly (SpsError | undefined)[],
  now: number,
): OffsetOp[] {
  return r.offsets.flatMap((e, i): OffsetOp[] => {
    if (problems[i]) return [];
    const offset = {
      index: e.index,
      leaderEpoch: e.leaderEpoch ?? -1,
      // Kafka stores a null metadata as "" (OffsetAndMetadata.NoMetadata).
      metadata: e.metadata ?? '',
      commitTimestamp: now,
    };
    return [
      { kind: 'commit', groupId: r.groupId, stream: e.stream, partition: e.partition, offset },
    ];
  });
}
