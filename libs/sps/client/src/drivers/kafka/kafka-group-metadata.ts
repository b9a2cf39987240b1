/**
 * What DescribeGroups says about a consumer group's members, in SPS terms: the streams they
 * subscribe to (their ConsumerProtocol metadata) and the partitions they own (their
 * assignment), decoded with sps-core's consumer-protocol codec — the standard encoding every
 * Kafka client and the embedded driver use; anything else is shown as nothing.
 */
import {
  decodeAssignment,
  decodeSubscription,
  type PartitionRef,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { type GroupDescription } from 'kafkajs';

/** Streams the members subscribe to. */
export function subscriptions(group: GroupDescription): StreamName[] {
  if (group.protocolType !== 'consumer') return [];
  return group.members.flatMap((m) => {
    try {
      return m.memberMetadata.length > 0 ? decodeSubscription(m.memberMetadata).topics : [];
    } catch {
      return []; // not ConsumerProtocol bytes: only commits show
    }
  });
}

/** The partitions of one member's assignment (none before its SyncGroup). */
export function assignedPartitions(assignment: Buffer): PartitionRef[] {
  if (assignment.length === 0) return [];
  try {
    return decodeAssignment(assignment).assignment.flatMap(({ topic, partitions }) =>
      partitions.map((partition) => ({ stream: topic, partition })),
    );
  } catch {
    return [];
  }
}

/** Resets need a group without members (Kafka's tools: state Empty or Dead). */
export function assertEmpty(group: string, described: GroupDescription | undefined): void {
  if (!described || described.state === 'Empty' || described.state === 'Dead') return;
  throw new SpsError(
    'SPS_ERR_GROUP_NOT_EMPTY',
    `group "${group}" has ${described.members.length} members (state ${described.state})`,
    { context: { group, state: described.state, members: described.members.length } },
  );
}
