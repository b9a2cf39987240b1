import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, int32, nullableStr, str, struct } from '../../fields';
import {
  type CreatableReplicaAssignment,
  type CreatableTopic,
  type CreatableTopicConfig,
  type CreatableTopicResult,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
} from './types';

/**
 * CreateTopics Request (Version: 0) => [topics] timeout_ms
 *   topics => name num_partitions replication_factor [assignments] [configs]
 *     name => STRING
 *     num_partitions => INT32
 *     replication_factor => INT16
 *     assignments => partition_index [broker_ids]
 *       partition_index => INT32
 *       broker_ids => INT32
 *     configs => name value
 *       name => STRING
 *       value => NULLABLE_STRING
 *   timeout_ms => INT32
 *
 * CreateTopics Response (Version: 0) => [topics]
 *   topics => name error_code
 *     name => STRING
 *     error_code => INT16
 */
export const assignmentV0: Fields<CreatableReplicaAssignment> = {
  partitionIndex: int32,
  brokerIds: array(int32),
};
export const configV0: Fields<CreatableTopicConfig> = { name: str, value: nullableStr };
export const topicV0: Fields<CreatableTopic> = {
  name: str,
  numPartitions: int32,
  replicationFactor: int16,
  assignments: array(struct(assignmentV0)),
  configs: array(struct(configV0)),
};
export const requestV0: Fields<CreateTopicsRequest> = {
  topics: array(struct(topicV0)),
  timeoutMs: int32,
  validateOnly: absent(false),
};

export const resultV0: Fields<CreatableTopicResult> = {
  name: str,
  errorCode: int16,
  errorMessage: absent(null),
};
export const responseV0: Fields<CreateTopicsResponse> = {
  throttleTimeMs: absent(0),
  topics: array(struct(resultV0)),
};

export const createTopicsV0 = versionCodec(0, requestV0, responseV0);
