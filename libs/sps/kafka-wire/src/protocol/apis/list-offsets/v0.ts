import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, int32, int64, str, struct } from '../../fields';
import {
  type ListOffsetsPartition,
  type ListOffsetsPartitionResponse,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
  type ListOffsetsTopic,
  type ListOffsetsTopicResponse,
} from './types';

/**
 * ListOffsets Request (Version: 0) => replica_id [topics]
 *   replica_id => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index timestamp max_num_offsets
 *       partition_index => INT32
 *       timestamp => INT64
 *       max_num_offsets => INT32
 *
 * ListOffsets Response (Version: 0) => [topics]
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code [old_style_offsets]
 *       partition_index => INT32
 *       error_code => INT16
 *       old_style_offsets => INT64
 */
export const partitionV0: Fields<ListOffsetsPartition> = {
  partitionIndex: int32,
  currentLeaderEpoch: absent(-1),
  timestamp: int64,
  maxNumOffsets: int32,
};
export const topicV0: Fields<ListOffsetsTopic> = {
  name: str,
  partitions: array(struct(partitionV0)),
};
export const requestV0: Fields<ListOffsetsRequest> = {
  replicaId: int32,
  isolationLevel: absent(0),
  topics: array(struct(topicV0)),
};

export const partitionResponseV0: Fields<ListOffsetsPartitionResponse> = {
  partitionIndex: int32,
  errorCode: int16,
  oldStyleOffsets: array(int64),
  timestamp: absent(-1),
  offset: absent(-1),
  leaderEpoch: absent(-1),
};
export const topicResponseV0: Fields<ListOffsetsTopicResponse> = {
  name: str,
  partitions: array(struct(partitionResponseV0)),
};
export const responseV0: Fields<ListOffsetsResponse> = {
  throttleTimeMs: absent(0),
  topics: array(struct(topicResponseV0)),
};

export const listOffsetsV0 = versionCodec(0, requestV0, responseV0);
