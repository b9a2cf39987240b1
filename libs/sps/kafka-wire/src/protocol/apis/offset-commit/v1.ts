import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, int64, str, struct } from '../../fields';
import {
  type OffsetCommitRequest,
  type OffsetCommitRequestPartition,
  type OffsetCommitRequestTopic,
} from './types';
import { partitionV0, requestV0, responseV0 } from './v0';

/**
 * OffsetCommit Request (Version: 1) => group_id generation_id member_id [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset commit_timestamp committed_metadata
 *       partition_index => INT32
 *       committed_offset => INT64
 *       commit_timestamp => INT64
 *       committed_metadata => NULLABLE_STRING
 *
 * OffsetCommit Response (Version: 1) => same as version 0.
 */
export const partitionV1: Fields<OffsetCommitRequestPartition> = {
  ...partitionV0,
  commitTimestamp: int64,
};
export const topicV1: Fields<OffsetCommitRequestTopic> = {
  name: str,
  partitions: array(struct(partitionV1)),
};
export const requestV1: Fields<OffsetCommitRequest> = {
  ...requestV0,
  generationId: int32,
  memberId: str,
  topics: array(struct(topicV1)),
};
export const responseV1 = responseV0;

export const offsetCommitV1 = versionCodec(1, requestV1, responseV1);
