/**
 * CreateTopics (API key 19), versions 0–4 — field names from Kafka's CreateTopicsRequest.json /
 * CreateTopicsResponse.json.
 */
export interface CreateTopicsRequest {
  topics: CreatableTopic[];
  timeoutMs: number;
  /** v1+: check only, create nothing. @default false */
  validateOnly: boolean;
}

export interface CreatableTopic {
  name: string;
  /** -1 = broker default (v4+, KIP-464). */
  numPartitions: number;
  /** -1 = broker default (v4+, KIP-464); a single node accepts only -1 or 1. */
  replicationFactor: number;
  assignments: CreatableReplicaAssignment[];
  configs: CreatableTopicConfig[];
}

export interface CreatableReplicaAssignment {
  partitionIndex: number;
  brokerIds: number[];
}

export interface CreatableTopicConfig {
  name: string;
  value: string | null;
}

export interface CreateTopicsResponse {
  /** v2+. @default 0 */
  throttleTimeMs: number;
  topics: CreatableTopicResult[];
}

export interface CreatableTopicResult {
  name: string;
  errorCode: number;
  /** v1+. @default null */
  errorMessage: string | null;
}
