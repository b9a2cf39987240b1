import { versionCodec } from '../../api-codec';
import {
  absent,
  array,
  arrayNullAsEmpty,
  type Fields,
  int16,
  int32,
  int64,
  nullableStr,
  str,
  struct,
} from '../../fields';
import {
  type OffsetFetchRequest,
  type OffsetFetchRequestTopic,
  type OffsetFetchResponse,
  type OffsetFetchResponsePartition,
  type OffsetFetchResponseTopic,
} from './types';

/**
 * OffsetFetch Request (Version: 0) => group_id [topics]
 *   group_id => STRING
 *   topics => name [partition_indexes]
 *     name => STRING
 *     partition_indexes => INT32
 *
 * OffsetFetch Response (Version: 0) => [topics]
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset metadata error_code
 *       partition_index => INT32
 *       committed_offset => INT64
 *       metadata => NULLABLE_STRING
 *       error_code => INT16
 *
 * v0 read offsets from ZooKeeper on old brokers; on the wire it is identical to v1.
 */
export const requestTopicV0: Fields<OffsetFetchRequestTopic> = {
  name: str,
  partitionIndexes: array(int32),
};
export const requestV0: Fields<OffsetFetchRequest> = {
  groupId: str,
  topics: arrayNullAsEmpty(struct(requestTopicV0)),
};

export const partitionV0: Fields<OffsetFetchResponsePartition> = {
  partitionIndex: int32,
  committedOffset: int64,
  committedLeaderEpoch: absent(-1),
  metadata: nullableStr,
  errorCode: int16,
};
export const topicV0: Fields<OffsetFetchResponseTopic> = {
  name: str,
  partitions: array(struct(partitionV0)),
};
export const responseV0: Fields<OffsetFetchResponse> = {
  throttleTimeMs: absent(0),
  topics: array(struct(topicV0)),
  errorCode: absent(0),
};

export const offsetFetchV0 = versionCodec(0, requestV0, responseV0);
