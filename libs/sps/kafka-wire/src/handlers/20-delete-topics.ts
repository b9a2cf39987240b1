/**
 * DeleteTopics (API key 20) — versions 0–3. kafkajs sends v1, librdkafka 2.0.2 v1, 2.15 v3.
 *
 * Behaviour: `engine.deleteStream` per topic, concurrently: the records, the partition logs
 * and every group's committed offsets for the topic are removed before the answer (Kafka's
 * `delete.topic.enable=true`). Unknown topic → UNKNOWN_TOPIC_OR_PARTITION; one result per
 * requested name, in order. A topic deleted while a consumer fetches it: that fetch answers
 * UNKNOWN_TOPIC_OR_PARTITION and the client refreshes its metadata.
 *
 * Deliberately not done: `timeout_ms` (deletion is local and immediate); deleting by topic
 * id (v6+).
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';

export function createDeleteTopicsHandler(engine: Engine): HandlerFor<20> {
  return async (request) => {
    const responses = await Promise.all(
      request.topicNames.map(async (name) => {
        try {
          await engine.deleteStream(name);
          return { name, errorCode: KafkaError.NONE };
        } catch (error) {
          return { name, errorCode: kafkaErrorFor(error) };
        }
      }),
    );
    return { throttleTimeMs: 0, responses };
  };
}
