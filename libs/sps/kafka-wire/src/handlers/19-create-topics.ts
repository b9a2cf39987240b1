/**
 * CreateTopics (API key 19) — versions 0–4. kafkajs sends v3 (to the controller, i.e. us),
 * librdkafka 2.0.2 and 2.15 v4.
 *
 * Behaviour, per topic, checks in Kafka's order:
 * - a name twice in one request → INVALID_REQUEST for both; invalid name →
 *   INVALID_TOPIC_EXCEPTION (17);
 * - replication factor other than -1 (broker default, v4+) or 1 → INVALID_REPLICATION_FACTOR
 *   (38): one node holds the only replica;
 * - explicit replica assignments are accepted only when they name this node alone (else
 *   INVALID_REPLICA_ASSIGNMENT 39) and then give the partition count;
 * - partitions -1 → the broker default (`num.partitions`), 0 or < -1 → INVALID_PARTITIONS;
 * - configs: `retention.ms`, `retention.bytes`, `segment.bytes`, `segment.ms`,
 *   `max.message.bytes` are applied; SPS's fixed settings (`cleanup.policy=delete`, …) are
 *   accepted at their value; anything else → INVALID_CONFIG (40) with a message;
 * - an existing topic → TOPIC_ALREADY_EXISTS (36) — kafkajs `createTopics` then resolves
 *   false rather than failing;
 * - `validate_only` (v1+): all of the above, nothing created.
 * Messages (v1+) say what was wrong. Topics are created synchronously: the next Metadata
 * already shows their leaders (kafkajs polls for that).
 *
 * Deliberately not done: `timeout_ms` (creation is local and immediate), topic configs
 * other than the five above, v5+ (returns configs/partition counts; flexible).
 */
import { type StreamConfig, streamNameProblem } from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { type CreatableTopic, type CreatableTopicResult } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { type BrokerNode } from './engine-handler-options';
import { type HandlerFor } from './handler';
import { errorOf, exists } from './handler-support';
import { type ConfigProblem, parseTopicConfigs } from './topic-configs';

export function createCreateTopicsHandler(engine: Engine, self: () => BrokerNode): HandlerFor<19> {
  return async (request) => {
    const counts = new Map<string, number>();
    for (const t of request.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const topics = await Promise.all(
      request.topics.map(async (topic): Promise<CreatableTopicResult> => {
        const done = (errorCode: number, errorMessage: string | null = null) => ({
          name: topic.name,
          errorCode,
          errorMessage,
        });
        if ((counts.get(topic.name) ?? 0) > 1)
          return done(KafkaError.INVALID_REQUEST, `topic "${topic.name}" appears more than once`);
        const plan = planTopic(topic, self().nodeId);
        if ('errorCode' in plan) return done(plan.errorCode, plan.errorMessage);
        if (exists(engine, topic.name))
          return done(KafkaError.TOPIC_ALREADY_EXISTS, `Topic '${topic.name}' already exists.`);
        if (request.validateOnly) return done(KafkaError.NONE);
        try {
          await engine.createStream(topic.name, {
            ...(plan.partitions === undefined ? {} : { partitions: plan.partitions }),
            config: plan.config,
          });
          return done(KafkaError.NONE);
        } catch (error) {
          const { errorCode, errorMessage } = errorOf(error);
          // The engine's config rules are the same as ours; should one still differ, it is a
          // config problem for the client, not a malformed request.
          return done(
            errorCode === KafkaError.INVALID_REQUEST ? KafkaError.INVALID_CONFIG : errorCode,
            errorMessage,
          );
        }
      }),
    );
    return { throttleTimeMs: 0, topics };
  };
}

type Plan = { partitions: number | undefined; config: Partial<StreamConfig> } | ConfigProblem;

/** Validates one topic of the request; the partition count (undefined = broker default). */
function planTopic(topic: CreatableTopic, nodeId: number): Plan {
  const problem = streamNameProblem(topic.name);
  if (problem !== undefined)
    return { errorCode: KafkaError.INVALID_TOPIC_EXCEPTION, errorMessage: problem };
  if (topic.replicationFactor !== -1 && topic.replicationFactor !== 1) {
    return {
      errorCode: KafkaError.INVALID_REPLICATION_FACTOR,
      errorMessage: `Replication factor: ${topic.replicationFactor} larger than available brokers: 1.`,
    };
  }
  let partitions: number | undefined;
  if (topic.assignments.length > 0) {
    const foreign = topic.assignments.find(
      (a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== nodeId,
    );
    if (foreign) {
      return {
        errorCode: KafkaError.INVALID_REPLICA_ASSIGNMENT,
        errorMessage: `partition ${foreign.partitionIndex} may only be assigned to broker ${nodeId}`,
      };
    }
    partitions = topic.assignments.length;
  } else if (topic.numPartitions !== -1) {
    if (topic.numPartitions < 1) {
      return {
        errorCode: KafkaError.INVALID_PARTITIONS,
        errorMessage: `Number of partitions must be larger than 0 (or -1 for the default), got ${topic.numPartitions}.`,
      };
    }
    partitions = topic.numPartitions;
  }
  const parsed = parseTopicConfigs(topic.configs);
  if (!('config' in parsed)) return parsed;
  return { partitions, config: parsed.config };
}
