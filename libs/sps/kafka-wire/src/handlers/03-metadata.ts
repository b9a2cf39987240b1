/**
 * Metadata (API key 3) — versions 0–8. kafkajs sends v6, librdkafka 2.0.2 v4, 2.15 v8.
 *
 * Behaviour (KAFKA-WIRE §4.9):
 * - Brokers: this one node, at its ADVERTISED host and port (clients reconnect to exactly
 *   that); controller id (v1+) = itself, because kafkajs sends CreateTopics and
 *   InitProducerId to the controller; cluster id (v2+) stable across restarts.
 * - Topics: `null` (v1+), or an empty list at v0, means every non-internal stream. Named
 *   topics that do not exist are created with the engine's defaults (`num.partitions`) when
 *   auto-creation is on and the request allows it (`allow_auto_topic_creation`, v4+; always
 *   for v0–3), synchronously, so the first answer already has leaders (no
 *   LEADER_NOT_AVAILABLE round trip). Invalid names → INVALID_TOPIC_EXCEPTION, nothing
 *   created; unknown and not created → UNKNOWN_TOPIC_OR_PARTITION.
 * - Partitions: leader = self, replicas = ISR = [self], offline = [], leader epoch 0.
 *
 * Deliberately not done: racks (null), authorized operations (v8: -2^31, "not computed"),
 * topic ids (v10+, above the advertised range), reporting a failed partition as offline
 * (Produce and Fetch report it as KAFKA_STORAGE_ERROR instead).
 */
import { streamNameProblem } from '@shopstream/sps-core';
import { type Engine, type StreamInfo } from '@shopstream/sps-log';
import { type MetadataResponseTopic } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type ResolvedHandlerOptions } from './engine-handler-options';
import { type HandlerFor } from './handler';

/** Kafka's value for "authorized operations were not requested". */
const NOT_REQUESTED = -2147483648;

export function createMetadataHandler(
  engine: Engine,
  options: ResolvedHandlerOptions,
): HandlerFor<3> {
  return async (request, ctx) => {
    const self = options.self();
    const all = request.topics === null || (ctx.apiVersion === 0 && request.topics.length === 0);
    const allowCreate =
      options.autoCreateTopics && (ctx.apiVersion < 4 || request.allowAutoTopicCreation);
    const topics: MetadataResponseTopic[] = all
      ? engine
          .listStreams()
          .filter((s) => !s.internal)
          .map((s) => describe(s, self.nodeId))
      : await Promise.all(
          (request.topics ?? []).map(({ name }) => lookup(engine, name, allowCreate, self.nodeId)),
        );
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: self.nodeId, host: self.host, port: self.port, rack: null }],
      clusterId: options.clusterId,
      controllerId: self.nodeId,
      topics,
      clusterAuthorizedOperations: NOT_REQUESTED,
    };
  };
}

async function lookup(
  engine: Engine,
  name: string,
  allowCreate: boolean,
  nodeId: number,
): Promise<MetadataResponseTopic> {
  try {
    return describe(engine.describeStream(name), nodeId);
  } catch (error) {
    if (!isUnknown(error)) return failed(name, kafkaErrorFor(error));
  }
  if (streamNameProblem(name) !== undefined)
    return failed(name, KafkaError.INVALID_TOPIC_EXCEPTION);
  if (!allowCreate) return failed(name, KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
  try {
    return describe(await engine.ensureStream(name), nodeId);
  } catch (error) {
    return failed(name, kafkaErrorFor(error));
  }
}

function isUnknown(error: unknown): boolean {
  return kafkaErrorFor(error) === KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
}

function describe(stream: StreamInfo, nodeId: number): MetadataResponseTopic {
  return {
    errorCode: KafkaError.NONE,
    name: stream.name,
    isInternal: stream.internal,
    partitions: Array.from({ length: stream.partitions }, (_, partitionIndex) => ({
      errorCode: KafkaError.NONE,
      partitionIndex,
      leaderId: nodeId,
      leaderEpoch: 0,
      replicaNodes: [nodeId],
      isrNodes: [nodeId],
      offlineReplicas: [],
    })),
    topicAuthorizedOperations: NOT_REQUESTED,
  };
}

function failed(name: string, errorCode: number): MetadataResponseTopic {
  return {
    errorCode,
    name,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: NOT_REQUESTED,
  };
}
