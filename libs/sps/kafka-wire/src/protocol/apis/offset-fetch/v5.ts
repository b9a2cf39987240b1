import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, str, struct } from '../../fields';
import {
  type OffsetFetchResponse,
  type OffsetFetchResponsePartition,
  type OffsetFetchResponseTopic,
} from './types';
import { partitionV0 } from './v0';
import { requestV4, responseV4 } from './v4';

/**
 * OffsetFetch Request (Version: 5) => same as version 4.
 *
 * OffsetFetch Response (Version: 5) => throttle_time_ms [topics] error_code
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index committed_offset committed_leader_epoch metadata error_code
 *       partition_index => INT32
 *       committed_offset => INT64
 *       committed_leader_epoch => INT32   (KIP-320)
 *       metadata => NULLABLE_STRING
 *       error_code => INT16
 *   error_code => INT16
 *
 * librdkafka 2.x sends v5. Version 6 is the first flexible version; we stop here.
 */
export const requestV5 = requestV4;
export const partitionV5: Fields<OffsetFetchResponsePartition> = {
  ...partitionV0,
  committedLeaderEpoch: int32,
};
export const topicV5: Fields<OffsetFetchResponseTopic> = {
  name: str,
  partitions: array(struct(partitionV5)),
};
export const responseV5: Fields<OffsetFetchResponse> = {
  ...responseV4,
  topics: array(struct(topicV5)),
};

export const offsetFetchV5 = versionCodec(5, requestV5, responseV5);
