/**
 * OffsetCommit (API key 8) — versions 0–7. kafkajs sends v5, librdkafka 2.0.2 and 2.15 v7.
 *
 * Behaviour: 1:1 onto `engine.coordinator.commitOffsets`, which validates membership as
 * Kafka does (generation -1 with member id '' is a "simple" commit, allowed while the group
 * has no members; otherwise member and generation must match → UNKNOWN_MEMBER_ID /
 * ILLEGAL_GENERATION; REBALANCE_IN_PROGRESS while the group completes a rebalance) and
 * answers only once the commit is durable. The committed metadata string and leader epoch
 * (v6+) are stored and come back from OffsetFetch. Errors are per partition; a group-level
 * error is given to every partition, as Kafka does; an empty group id → INVALID_GROUP_ID.
 * v0 (ZooKeeper-era, no generation) is a simple commit.
 *
 * Committed offsets -2 and -1 (kafkajs `admin.resetOffsets` and a consumer `seek` to
 * EARLIEST/LATEST commit these sentinels as they are): resolved here to the partition's log
 * start / high watermark at commit time, because the engine stores only real indexes. Kafka
 * stores the sentinel and leaves its meaning to whoever reads it later (kafkajs
 * `fetchOffsets({ resolveOffsets: true })` resolves it the same way). Other negative offsets
 * are refused (INVALID_REQUEST) for that partition.
 *
 * Deliberately not done: `retention_time_ms` (v2–4): committed offsets of an Empty group
 * expire after the broker-wide offsets retention, whatever the request says.
 */
import { type Engine } from '@shopstream/sps-log';
import { offsetCommitApi } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';
import { groupErrorCode } from './handler-support';

export function createOffsetCommitHandler(engine: Engine): HandlerFor<8> {
  return async (request) => {
    const offsets = request.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        stream: t.name,
        partition: p.partitionIndex,
        index: resolveSentinel(engine, t.name, p.partitionIndex, p.committedOffset),
        metadata: p.committedMetadata,
        leaderEpoch: p.committedLeaderEpoch,
      })),
    );
    let results;
    try {
      results = await engine.coordinator.commitOffsets({
        groupId: request.groupId,
        generationId: request.generationId,
        memberId: request.memberId,
        groupInstanceId: request.groupInstanceId,
        offsets,
      });
    } catch (error) {
      return offsetCommitApi.errorResponse(request, groupErrorCode(error));
    }
    let next = 0;
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          // One result per committed partition, in request order.
          const error = results[next++]?.error;
          return {
            partitionIndex: p.partitionIndex,
            errorCode: error === undefined ? KafkaError.NONE : kafkaErrorFor(error),
          };
        }),
      })),
    };
  };
}

const EARLIEST = -2;
const LATEST = -1;

/** -2 → log start, -1 → high watermark; anything else (or an unknown partition) as is. */
function resolveSentinel(engine: Engine, topic: string, partition: number, offset: number): number {
  if (offset !== EARLIEST && offset !== LATEST) return offset;
  try {
    const { logStartIndex, highWatermark } = engine.watermarks(topic, partition);
    return offset === EARLIEST ? logStartIndex : highWatermark;
  } catch {
    return offset; // the coordinator reports the unknown topic or partition
  }
}
