import { versionCodec } from '../../api-codec';
import {
  absent,
  absentArray,
  array,
  arrayNullAsEmpty,
  type Fields,
  int16,
  int32,
  str,
  struct,
} from '../../fields';
import {
  type MetadataRequest,
  type MetadataRequestTopic,
  type MetadataResponse,
  type MetadataResponseBroker,
  type MetadataResponsePartition,
  type MetadataResponseTopic,
} from './types';

/**
 * Metadata Request (Version: 0) => [topics]
 *   topics => name
 *     name => STRING
 *
 * Metadata Response (Version: 0) => [brokers] [topics]
 *   brokers => node_id host port
 *     node_id => INT32
 *     host => STRING
 *     port => INT32
 *   topics => error_code name [partitions]
 *     error_code => INT16
 *     name => STRING
 *     partitions => error_code partition_index leader_id [replica_nodes] [isr_nodes]
 *       error_code => INT16
 *       partition_index => INT32
 *       leader_id => INT32
 *       replica_nodes => INT32
 *       isr_nodes => INT32
 *
 * In v0 an empty topic list means "all topics" (there is no null list yet).
 */
export const requestTopicV0: Fields<MetadataRequestTopic> = { name: str };
export const requestV0: Fields<MetadataRequest> = {
  // v0's list is never null on the wire: "all topics" (null) is sent as an empty list.
  topics: arrayNullAsEmpty(struct(requestTopicV0)),
  allowAutoTopicCreation: absent(true),
  includeClusterAuthorizedOperations: absent(false),
  includeTopicAuthorizedOperations: absent(false),
};

export const brokerV0: Fields<MetadataResponseBroker> = {
  nodeId: int32,
  host: str,
  port: int32,
  rack: absent(null),
};
export const partitionV0: Fields<MetadataResponsePartition> = {
  errorCode: int16,
  partitionIndex: int32,
  leaderId: int32,
  leaderEpoch: absent(-1),
  replicaNodes: array(int32),
  isrNodes: array(int32),
  offlineReplicas: absentArray(),
};
export const topicV0: Fields<MetadataResponseTopic> = {
  errorCode: int16,
  name: str,
  isInternal: absent(false),
  partitions: array(struct(partitionV0)),
  topicAuthorizedOperations: absent(-2147483648),
};
export const responseV0: Fields<MetadataResponse> = {
  throttleTimeMs: absent(0),
  brokers: array(struct(brokerV0)),
  clusterId: absent(null),
  controllerId: absent(-1),
  topics: array(struct(topicV0)),
  clusterAuthorizedOperations: absent(-2147483648),
};

export const metadataV0 = versionCodec(0, requestV0, responseV0);
