import { versionCodec } from '../../api-codec';
import { array, type Fields, int64, str, struct } from '../../fields';
import {
  type FetchableTopicResponse,
  type FetchPartition,
  type FetchPartitionData,
  type FetchRequest,
  type FetchResponse,
  type FetchTopic,
} from './types';
import { partitionDataV4, requestV4, responseV4 } from './v4';
import { partitionV0 } from './v0';

/**
 * Fetch Request (Version: 5) => replica_id max_wait_ms min_bytes max_bytes isolation_level [topics]
 *   ...as version 4, with
 *     partitions => partition fetch_offset log_start_offset partition_max_bytes
 *       partition => INT32
 *       fetch_offset => INT64
 *       log_start_offset => INT64
 *       partition_max_bytes => INT32
 *
 * Fetch Response (Version: 5) => throttle_time_ms [responses]
 *   ...as version 4, with
 *     partitions => partition_index error_code high_watermark last_stable_offset log_start_offset [aborted_transactions] records
 *       log_start_offset => INT64   (KIP-107)
 */
export const partitionV5: Fields<FetchPartition> = { ...partitionV0, logStartOffset: int64 };
export const topicV5: Fields<FetchTopic> = { topic: str, partitions: array(struct(partitionV5)) };
export const requestV5: Fields<FetchRequest> = { ...requestV4, topics: array(struct(topicV5)) };

export const partitionDataV5: Fields<FetchPartitionData> = {
  ...partitionDataV4,
  logStartOffset: int64,
};
export const topicResponseV5: Fields<FetchableTopicResponse> = {
  topic: str,
  partitions: array(struct(partitionDataV5)),
};
export const responseV5: Fields<FetchResponse> = {
  ...responseV4,
  responses: array(struct(topicResponseV5)),
};

export const fetchV5 = versionCodec(5, requestV5, responseV5);
