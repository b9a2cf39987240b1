/**
 * CreatePartitions (API key 37) — versions 0–1. kafkajs sends v1 (to the controller),
 * librdkafka 2.0.2 v0, 2.15 v1.
 *
 * Behaviour, per topic: `count` is the new TOTAL. Unknown topic → UNKNOWN_TOPIC_OR_PARTITION;
 * a count equal to the current one or smaller → INVALID_PARTITIONS (37) with Kafka's
 * messages ("Topic already has 3 partitions." / "Topic currently has 3 partitions, which is
 * higher than the requested 2."); assignments naming another broker →
 * INVALID_REPLICA_ASSIGNMENT; `validate_only` checks without adding. New partitions start
 * empty at offset 0; keyed records move (murmur2 % count), as on Kafka. A name twice in one
 * request → INVALID_REQUEST.
 *
 * Deliberately not done: `timeout_ms` (local and immediate).
 */
import { type Engine } from '@shopstream/sps-log';
import { type CreatePartitionsTopic, type CreatePartitionsTopicResult } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { type BrokerNode } from './engine-handler-options';
import { type HandlerFor } from './handler';
import { errorOf } from './handler-support';

export function createCreatePartitionsHandler(
  engine: Engine,
  self: () => BrokerNode,
): HandlerFor<37> {
  return async (request) => {
    const counts = new Map<string, number>();
    for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const results = await Promise.all(
      request.topics.map(async (topic): Promise<CreatePartitionsTopicResult> => {
        const done = (errorCode: number, errorMessage: string | null = null) => ({
          name: topic.name,
          errorCode,
          errorMessage,
        });
        if ((counts.get(topic.name) ?? 0) > 1)
          return done(KafkaError.INVALID_REQUEST, `topic "${topic.name}" appears more than once`);
        try {
          const problem = check(topic, engine.describeStream(topic.name).partitions, self().nodeId);
          if (problem !== undefined) return done(problem.errorCode, problem.errorMessage);
          if (!request.validateOnly) await engine.addPartitions(topic.name, topic.count);
          return done(KafkaError.NONE);
        } catch (error) {
          const { errorCode, errorMessage } = errorOf(error);
          return done(errorCode, errorMessage);
        }
      }),
    );
    return { throttleTimeMs: 0, results };
  };
}

function check(
  topic: CreatePartitionsTopic,
  current: number,
  nodeId: number,
): { errorCode: number; errorMessage: string } | undefined {
  if (topic.count === current)
    return {
      errorCode: KafkaError.INVALID_PARTITIONS,
      errorMessage: `Topic already has ${current} partitions.`,
    };
  if (topic.count < current) {
    return {
      errorCode: KafkaError.INVALID_PARTITIONS,
      errorMessage: `Topic currently has ${current} partitions, which is higher than the requested ${topic.count}.`,
    };
  }
  const assignments = topic.assignments ?? [];
  if (assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== nodeId)) {
    return {
      errorCode: KafkaError.INVALID_REPLICA_ASSIGNMENT,
      errorMessage: `new partitions may only be assigned to broker ${nodeId}`,
    };
  }
  if (topic.assignments !== null && assignments.length !== topic.count - current) {
    return {
      errorCode: KafkaError.INVALID_REPLICA_ASSIGNMENT,
      errorMessage: `${assignments.length} assignments for ${topic.count - current} new partitions`,
    };
  }
  return undefined;
}
