import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, str, struct } from '../../fields';
import {
  type OffsetCommitRequest,
  type OffsetCommitRequestPartition,
  type OffsetCommitRequestTopic,
} from './types';
import { partitionV0 } from './v0';
import { requestV5, responseV5 } from './v5';

/**
 * OffsetCommit Request (Version: 6) => group_id generation_id member_id [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset committed_leader_epoch committed_metadata
 *       partition_index => INT32
 *       committed_offset => INT64
 *       committed_leader_epoch => INT32   (KIP-320)
 *       committed_metadata => NULLABLE_STRING
 *
 * OffsetCommit Response (Version: 6) => same as version 5.
 */
export const partitionV6: Fields<OffsetCommitRequestPartition> = {
  ...partitionV0,
  committedLeaderEpoch: int32,
};
export const topicV6: Fields<OffsetCommitRequestTopic> = {
  name: str,
  partitions: array(struct(partitionV6)),
};
export const requestV6: Fields<OffsetCommitRequest> = {
  ...requestV5,
  topics: array(struct(topicV6)),
};
export const responseV6 = responseV5;

export const offsetCommitV6 = versionCodec(6, requestV6, responseV6);
