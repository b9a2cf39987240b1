import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, str, struct } from '../../fields';
import {
  type ListOffsetsPartition,
  type ListOffsetsPartitionResponse,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
  type ListOffsetsTopic,
  type ListOffsetsTopicResponse,
} from './types';
import { partitionResponseV1, partitionV1 } from './v1';
import { requestV3, responseV3 } from './v3';

/**
 * ListOffsets Request (Version: 4) => replica_id isolation_level [topics]
 *   replica_id => INT32
 *   isolation_level => INT8
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index current_leader_epoch timestamp
 *       partition_index => INT32
 *       current_leader_epoch => INT32
 *       timestamp => INT64
 *
 * ListOffsets Response (Version: 4) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code timestamp offset leader_epoch
 *       partition_index => INT32
 *       error_code => INT16
 *       timestamp => INT64
 *       offset => INT64
 *       leader_epoch => INT32
 *
 * Leader epochs come with KIP-320. kafkajs stops at v3; librdkafka 2.15 sends v5+.
 */
export const partitionV4: Fields<ListOffsetsPartition> = {
  ...partitionV1,
  currentLeaderEpoch: int32,
};
export const topicV4: Fields<ListOffsetsTopic> = {
  name: str,
  partitions: array(struct(partitionV4)),
};
export const requestV4: Fields<ListOffsetsRequest> = {
  ...requestV3,
  topics: array(struct(topicV4)),
};

export const partitionResponseV4: Fields<ListOffsetsPartitionResponse> = {
  ...partitionResponseV1,
  leaderEpoch: int32,
};
export const topicResponseV4: Fields<ListOffsetsTopicResponse> = {
  name: str,
  partitions: array(struct(partitionResponseV4)),
};
export const responseV4: Fields<ListOffsetsResponse> = {
  ...responseV3,
  topics: array(struct(topicResponseV4)),
};

export const listOffsetsV4 = versionCodec(4, requestV4, responseV4);
