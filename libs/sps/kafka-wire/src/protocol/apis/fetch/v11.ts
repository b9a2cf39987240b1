import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, str, struct } from '../../fields';
import {
  type FetchableTopicResponse,
  type FetchPartitionData,
  type FetchRequest,
  type FetchResponse,
} from './types';
import { requestV10, responseV10 } from './v10';
import { partitionDataV5 } from './v5';

/**
 * Fetch Request (Version: 11) => replica_id max_wait_ms min_bytes max_bytes isolation_level session_id session_epoch [topics] [forgotten_topics_data] rack_id
 *   ...as version 10, then
 *   rack_id => STRING   (KIP-392)
 *
 * Fetch Response (Version: 11) => throttle_time_ms error_code session_id [responses]
 *   ...as version 10, with
 *     partitions => partition_index error_code high_watermark last_stable_offset log_start_offset [aborted_transactions] preferred_read_replica records
 *       preferred_read_replica => INT32
 *
 * Version 12 is the first flexible version; we stop here.
 */
export const requestV11: Fields<FetchRequest> = { ...requestV10, rackId: str };

export const partitionDataV11: Fields<FetchPartitionData> = {
  ...partitionDataV5,
  preferredReadReplica: int32,
};
export const topicResponseV11: Fields<FetchableTopicResponse> = {
  topic: str,
  partitions: array(struct(partitionDataV11)),
};
export const responseV11: Fields<FetchResponse> = {
  ...responseV10,
  responses: array(struct(topicResponseV11)),
};

export const fetchV11 = versionCodec(11, requestV11, responseV11);
