import { versionCodec } from '../../api-codec';
import { absent, absentArray, array, type Fields, int64, str, struct } from '../../fields';
import {
  type ListOffsetsPartition,
  type ListOffsetsPartitionResponse,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
  type ListOffsetsTopic,
  type ListOffsetsTopicResponse,
} from './types';
import { partitionResponseV0, partitionV0, requestV0, responseV0 } from './v0';

/**
 * ListOffsets Request (Version: 1) => replica_id [topics]
 *   replica_id => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index timestamp
 *       partition_index => INT32
 *       timestamp => INT64
 *
 * ListOffsets Response (Version: 1) => [topics]
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code timestamp offset
 *       partition_index => INT32
 *       error_code => INT16
 *       timestamp => INT64
 *       offset => INT64
 *
 * v1 replaces the "offsets before" list with one offset per timestamp (KIP-79).
 */
export const partitionV1: Fields<ListOffsetsPartition> = {
  ...partitionV0,
  maxNumOffsets: absent(1),
};
export const topicV1: Fields<ListOffsetsTopic> = {
  name: str,
  partitions: array(struct(partitionV1)),
};
export const requestV1: Fields<ListOffsetsRequest> = {
  ...requestV0,
  topics: array(struct(topicV1)),
};

export const partitionResponseV1: Fields<ListOffsetsPartitionResponse> = {
  ...partitionResponseV0,
  oldStyleOffsets: absentArray(),
  timestamp: int64,
  offset: int64,
};
export const topicResponseV1: Fields<ListOffsetsTopicResponse> = {
  name: str,
  partitions: array(struct(partitionResponseV1)),
};
export const responseV1: Fields<ListOffsetsResponse> = {
  ...responseV0,
  topics: array(struct(topicResponseV1)),
};

export const listOffsetsV1 = versionCodec(1, requestV1, responseV1);
