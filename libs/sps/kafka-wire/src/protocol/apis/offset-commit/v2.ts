import { versionCodec } from '../../api-codec';
import { array, type Fields, int64, struct } from '../../fields';
import { type OffsetCommitRequest } from './types';
import { topicV0 } from './v0';
import { requestV1, responseV1 } from './v1';

/**
 * OffsetCommit Request (Version: 2) => group_id generation_id member_id retention_time_ms [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   retention_time_ms => INT64
 *   topics => name [partitions]   (partitions as in version 0: no commit_timestamp)
 *
 * OffsetCommit Response (Version: 2) => same as version 1.
 */
export const requestV2: Fields<OffsetCommitRequest> = {
  ...requestV1,
  retentionTimeMs: int64,
  topics: array(struct(topicV0)),
};
export const responseV2 = responseV1;

export const offsetCommitV2 = versionCodec(2, requestV2, responseV2);
