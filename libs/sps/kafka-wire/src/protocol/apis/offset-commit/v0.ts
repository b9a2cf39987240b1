import { versionCodec } from '../../api-codec';
import {
  absent,
  array,
  type Fields,
  int16,
  int32,
  int64,
  nullableStr,
  str,
  struct,
} from '../../fields';
import {
  type OffsetCommitRequest,
  type OffsetCommitRequestPartition,
  type OffsetCommitRequestTopic,
  type OffsetCommitResponse,
  type OffsetCommitResponsePartition,
  type OffsetCommitResponseTopic,
} from './types';

/**
 * OffsetCommit Request (Version: 0) => group_id [topics]
 *   group_id => STRING
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset committed_metadata
 *       partition_index => INT32
 *       committed_offset => INT64
 *       committed_metadata => NULLABLE_STRING
 *
 * OffsetCommit Response (Version: 0) => [topics]
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index error_code
 *       partition_index => INT32
 *       error_code => INT16
 */
export const partitionV0: Fields<OffsetCommitRequestPartition> = {
  partitionIndex: int32,
  committedOffset: int64,
  committedLeaderEpoch: absent(-1),
  commitTimestamp: absent(-1),
  committedMetadata: nullableStr,
};
export const topicV0: Fields<OffsetCommitRequestTopic> = {
  name: str,
  partitions: array(struct(partitionV0)),
};
export const requestV0: Fields<OffsetCommitRequest> = {
  groupId: str,
  generationId: absent(-1),
  memberId: absent(''),
  groupInstanceId: absent(null),
  retentionTimeMs: absent(-1),
  topics: array(struct(topicV0)),
};

export const responsePartitionV0: Fields<OffsetCommitResponsePartition> = {
  partitionIndex: int32,
  errorCode: int16,
};
export const responseTopicV0: Fields<OffsetCommitResponseTopic> = {
  name: str,
  partitions: array(struct(responsePartitionV0)),
};
export const responseV0: Fields<OffsetCommitResponse> = {
  throttleTimeMs: absent(0),
  topics: array(struct(responseTopicV0)),
};

export const offsetCommitV0 = versionCodec(0, requestV0, responseV0);
