/**
 * ListOffsets (API key 2) — versions 0–5. kafkajs sends v3, librdkafka 2.0.2 v2, 2.15 v5.
 *
 * Behaviour (KAFKA-WIRE §4.5):
 * - timestamp -1 (latest) → the high watermark; -2 (earliest) → the log start offset; both
 *   with timestamp -1 in the answer, as Kafka. The isolation level changes nothing: without
 *   transactions the last stable offset is the high watermark.
 * - timestamp >= 0 → the first offset whose record timestamp is >= it, with that record's
 *   timestamp (`engine.indexForTimestamp`: exact for uncompressed and gzip batches, batch
 *   granularity for other codecs); none → offset -1 / timestamp -1 (v1+), which kafkajs
 *   `fetchTopicOffsetsByTimestamp` replaces by the high watermark.
 * - v0 (the old "offsets before" shape): `old_style_offsets` = [that one offset] (the high
 *   watermark when no record is that recent), or [] when `max_num_offsets` < 1.
 * - Leader epoch (v4+) 0: one node, leadership never moves.
 * - Errors per partition: UNKNOWN_TOPIC_OR_PARTITION, KAFKA_STORAGE_ERROR; other negative
 *   timestamps → INVALID_REQUEST.
 *
 * Deliberately not done: -3 (max timestamp, KIP-734, v7+) and the tiered-storage specs
 * (-4/-5): above the advertised versions. v0's list of segment base offsets is reduced to a
 * single offset (no client we target uses v0).
 */
import { type Engine } from '@shopstream/sps-log';
import { type ListOffsetsPartitionResponse } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';
import { forEachPartition } from './handler-support';

const LATEST = -1;
const EARLIEST = -2;

export function createListOffsetsHandler(engine: Engine): HandlerFor<2> {
  return async (request, ctx) => {
    const topics = await forEachPartition(request.topics, async (topic, p) => {
      const answer = (offset: number, timestamp: number): ListOffsetsPartitionResponse => ({
        partitionIndex: p.partitionIndex,
        errorCode: KafkaError.NONE,
        oldStyleOffsets: offset < 0 || p.maxNumOffsets < 1 ? [] : [offset],
        timestamp,
        offset,
        leaderEpoch: offset < 0 ? -1 : 0,
      });
      try {
        if (p.timestamp === LATEST)
          return answer(engine.watermarks(topic, p.partitionIndex).highWatermark, -1);
        if (p.timestamp === EARLIEST)
          return answer(engine.watermarks(topic, p.partitionIndex).logStartIndex, -1);
        if (p.timestamp < 0) return { ...answer(-1, -1), errorCode: KafkaError.INVALID_REQUEST };
        const found = await engine.indexForTimestamp(topic, p.partitionIndex, p.timestamp);
        if (found !== null) return answer(found.index, found.timestamp);
        // v0 has no "none": Kafka's old API answers with the log end for a time in the future.
        return ctx.apiVersion === 0
          ? answer(engine.watermarks(topic, p.partitionIndex).highWatermark, -1)
          : answer(-1, -1);
      } catch (error) {
        return { ...answer(-1, -1), errorCode: kafkaErrorFor(error) };
      }
    });
    return {
      throttleTimeMs: 0,
      topics: topics.map((t) => ({ name: t.name, partitions: t.results })),
    };
  };
}
