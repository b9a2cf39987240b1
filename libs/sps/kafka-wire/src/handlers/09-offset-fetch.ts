/**
 * OffsetFetch (API key 9) — versions 0–5. kafkajs sends v4, librdkafka 2.0.2 and 2.15 v5.
 *
 * Behaviour: 1:1 onto `engine.coordinator.fetchOffsets`. A partition without a committed
 * offset (also of an unknown group) → offset -1, metadata "", error 0, as Kafka. `topics =
 * null` (v2+) → every partition the group has committed, grouped by topic (kafkajs admin
 * `fetchOffsets` sends an empty list as null). Leader epoch (v5+) as committed, -1 if none.
 * A group-level error (e.g. an empty group id → INVALID_GROUP_ID) goes into the top-level
 * error code (v2+) and into every partition (v0–1 have no top-level code).
 *
 * Deliberately not done: `require_stable` (v7+, KIP-447: no transactions, so no pending
 * offsets to wait for) — above the advertised range anyway.
 */
import { type Engine, type OffsetFetchResult } from '@shopstream/sps-log';
import { offsetFetchApi, type OffsetFetchResponsePartition } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';
import { groupByTopic, groupErrorCode } from './handler-support';

export function createOffsetFetchHandler(engine: Engine): HandlerFor<9> {
  return async (request) => {
    let results: OffsetFetchResult[];
    try {
      results = await engine.coordinator.fetchOffsets({
        groupId: request.groupId,
        partitions:
          request.topics === null
            ? null
            : request.topics.flatMap((t) =>
                t.partitionIndexes.map((partition) => ({ stream: t.name, partition })),
              ),
      });
    } catch (error) {
      return offsetFetchApi.errorResponse(request, groupErrorCode(error));
    }
    return {
      throttleTimeMs: 0,
      errorCode: KafkaError.NONE,
      topics: groupByTopic(results, (r) => r.stream).map(([name, rows]) => ({
        name,
        partitions: rows.map((r): OffsetFetchResponsePartition => ({
          partitionIndex: r.partition,
          committedOffset: r.index,
          committedLeaderEpoch: r.leaderEpoch,
          metadata: r.metadata,
          errorCode: r.error ? kafkaErrorFor(r.error) : KafkaError.NONE,
        })),
      })),
    };
  };
}
