/**
 * Committing offsets for a group from outside it, as Kafka's `--reset-offsets` tool does for
 * an empty group. kafkajs' admin cannot send a "simple" OffsetCommit (generation -1), so the
 * commit is made by a short-lived member: join (alone: the caller checked the group was
 * empty), commit the targets in that generation, leave. Nothing is fetched: the member's
 * partitions are paused as soon as it joined, and a batch fetched before is ignored.
 *
 * Another member joining meanwhile would start from the committed offsets too early or too
 * late, so the commit is abandoned (SPS_ERR_GROUP_NOT_EMPTY) when the group has grown.
 */
import { type PartitionId, SpsError, type StreamName } from '@shopstream/sps-core';
import { type Kafka } from 'kafkajs';
import { Deferred } from '../../support/async';
import { type ResolvedKafkaOptions } from './kafka-options';

export interface MemberCommit {
  kafka: Kafka;
  settings: ResolvedKafkaOptions;
  group: string;
  stream: StreamName;
  offsets: ReadonlyMap<PartitionId, number>;
  /** Whether other members are in the group now (checked after joining, before committing). */
  othersJoined(): Promise<boolean>;
}

export async function commitAsMember(o: MemberCommit): Promise<void> {
  const consumer = o.kafka.consumer({
    groupId: o.group,
    maxWaitTimeInMs: 100,
    metadataMaxAge: o.settings.metadataMaxAgeMs,
    retry: { ...o.settings.retry, restartOnFailure: () => Promise.resolve(false) },
  });
  const joined = new Deferred<void>();
  joined.promise.catch(() => undefined); // awaited below; may settle before that
  const offs = [
    consumer.on(consumer.events.GROUP_JOIN, () => joined.resolve()),
    consumer.on(consumer.events.CRASH, (e) => joined.reject(e.payload.error)),
  ];
  let committed = false;
  offs.push(consumer.on(consumer.events.COMMIT_OFFSETS, () => (committed = true)));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [o.stream], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: () => Promise.resolve(),
    });
    await joined.promise;
    consumer.pause([{ topic: o.stream }]);
    if (await o.othersJoined()) {
      throw new SpsError(
        'SPS_ERR_GROUP_NOT_EMPTY',
        `group "${o.group}" got members while its indexes were being reset`,
        { context: { group: o.group, stream: o.stream } },
      );
    }
    await consumer.commitOffsets(
      [...o.offsets].map(([partition, offset]) => ({
        topic: o.stream,
        partition,
        offset: String(offset),
      })),
    );
    if (!committed) {
      throw new SpsError('SPS_ERR_REBALANCE_IN_PROGRESS', `group "${o.group}": nothing committed`, {
        context: { group: o.group, stream: o.stream },
      });
    }
  } finally {
    for (const off of offs) off();
    await consumer.disconnect().catch(() => undefined);
  }
}
