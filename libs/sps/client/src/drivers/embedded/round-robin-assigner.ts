/**
 * The leader's assignment, kafkajs' RoundRobinAssigner ("RoundRobinAssigner", protocol type
 * "consumer"): members sorted by id, every (stream, partition) sorted by stream then
 * partition, dealt out one by one in turn — each to the next member in the cycle that
 * subscribes to its stream. With one stream and more members than partitions, the first
 * `partitions` members get one each and the rest get nothing (the seed's 7 consumers on 5
 * partitions: 5 busy, 2 idle). Every member gets an assignment, an empty one included.
 */
import { decodeSubscription, encodeAssignment, type TopicPartitions } from '@shopstream/sps-core';

export const ROUND_ROBIN_PROTOCOL = 'RoundRobinAssigner';

export interface AssignableMember {
  memberId: string;
  /** The member's JoinGroup metadata: a ConsumerProtocol subscription. */
  metadata: Buffer;
}

/** Assignments keyed by member id, as SyncGroup wants them from the leader. */
export function assignRoundRobin(
  members: readonly AssignableMember[],
  partitionCount: (stream: string) => number,
): Array<{ memberId: string; assignment: Buffer }> {
  const subscribed = new Map(
    members.map((m) => [m.memberId, new Set(decodeSubscription(m.metadata).topics)]),
  );
  const ids = [...subscribed.keys()].sort();
  const streams = [...new Set([...subscribed.values()].flatMap((s) => [...s]))].sort();
  const owned = new Map<string, Map<string, number[]>>(ids.map((id) => [id, new Map()]));
  let turn = 0;
  for (const stream of streams) {
    for (let partition = 0; partition < partitionCount(stream); partition++) {
      for (let tried = 0; tried < ids.length; tried++) {
        const id = ids[turn++ % ids.length]!;
        if (!subscribed.get(id)!.has(stream)) continue;
        const byStream = owned.get(id)!;
        byStream.set(stream, [...(byStream.get(stream) ?? []), partition]);
        break;
      }
    }
  }
  return ids.map((memberId) => ({
    memberId,
    assignment: encodeAssignment({
      assignment: [...owned.get(memberId)!].map(([topic, partitions]): TopicPartitions => ({
        topic,
        partitions,
      })),
    }),
  }));
}
