/**
 * DeleteRecords (API key 21) — versions 0–1. kafkajs (`admin.deleteTopicRecords`),
 * librdkafka 2.0.2 and 2.15 send v1.
 *
 * Behaviour: `engine.deleteRecords` per partition: records below `offset` become unreadable
 * and the log start offset moves there (it may be mid-batch; whole segments below it are
 * freed); -1 means "up to the high watermark". The answer's low watermark is the new log
 * start. An offset above the high watermark → OFFSET_OUT_OF_RANGE; unknown topic or
 * partition → UNKNOWN_TOPIC_OR_PARTITION; low watermark -1 on error.
 *
 * Deliberately not done: `timeout_ms` (the log start is durable before the answer).
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';
import { forEachPartition } from './handler-support';

export function createDeleteRecordsHandler(engine: Engine): HandlerFor<21> {
  return async (request) => {
    const topics = await forEachPartition(request.topics, async (topic, p) => {
      try {
        const lowWatermark = await engine.deleteRecords(topic, p.partitionIndex, p.offset);
        return { partitionIndex: p.partitionIndex, lowWatermark, errorCode: KafkaError.NONE };
      } catch (error) {
        return {
          partitionIndex: p.partitionIndex,
          lowWatermark: -1,
          errorCode: kafkaErrorFor(error),
        };
      }
    });
    return {
      throttleTimeMs: 0,
      topics: topics.map((t) => ({ name: t.name, partitions: t.results })),
    };
  };
}
