/**
 * Metadata (API key 3), versions 0–8 — field names from Kafka's MetadataRequest.json /
 * MetadataResponse.json.
 */
export interface MetadataRequest {
  /**
   * The topics to describe; null = all topics (v1+). In v0 the list cannot be null and an
   * EMPTY list means all topics, so a handler must read `[]` at v0 as "all".
   */
  topics: MetadataRequestTopic[] | null;
  /** v4+: auto-create unknown topics (v0–3 always allow it). @default true */
  allowAutoTopicCreation: boolean;
  /** v8+. @default false */
  includeClusterAuthorizedOperations: boolean;
  /** v8+. @default false */
  includeTopicAuthorizedOperations: boolean;
}

export interface MetadataRequestTopic {
  name: string;
}

export interface MetadataResponse {
  /** v3+. @default 0 */
  throttleTimeMs: number;
  brokers: MetadataResponseBroker[];
  /** v2+. @default null */
  clusterId: string | null;
  /** v1+: kafkajs sends CreateTopics/InitProducerId here, so name a listed broker. @default -1 */
  controllerId: number;
  topics: MetadataResponseTopic[];
  /** v8+ (-2^31 = not requested). @default -2147483648 */
  clusterAuthorizedOperations: number;
}

export interface MetadataResponseBroker {
  nodeId: number;
  host: string;
  port: number;
  /** v1+. @default null */
  rack: string | null;
}

export interface MetadataResponseTopic {
  errorCode: number;
  name: string;
  /** v1+. @default false */
  isInternal: boolean;
  partitions: MetadataResponsePartition[];
  /** v8+ (-2^31 = not requested). @default -2147483648 */
  topicAuthorizedOperations: number;
}

export interface MetadataResponsePartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  /** v7+. @default -1 */
  leaderEpoch: number;
  replicaNodes: number[];
  isrNodes: number[];
  /** v5+. @default [] */
  offlineReplicas: number[];
}
